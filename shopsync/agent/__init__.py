"""The agent's side of Site API v1.1: what the platform sees of this connector and asks of it.

Qt-free, and kept apart from the engine and the scheduler, which only call three things:
`PlatformLink.start/stop`, `after_run(summary)` and (through the link) the scheduler's
`request`/`pause`/`resume`.

    heartbeat.py  the heartbeat payload (small, no secret)
    report.py     the connection report (readiness as data) and its hash
    requests.py   support requests: each done once, acknowledged; unknown kinds ignored
    link.py       PlatformLink: interval, outage and "site does not support it" logic
"""
