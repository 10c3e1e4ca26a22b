"""The scheduler's parts: the backoff policy (pure), the timed jobs, the export watcher and the
engine's shape as the scheduler sees it. `shopsync.scheduler.SyncScheduler` puts them together;
`shopsync.commands.run` runs it as a service."""
