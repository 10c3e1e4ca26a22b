"""The sync engine's parts, one step per module (read → catalogue → plan → hold → outbox →
deliver → listing) plus the words they share (`vocab`) and the sentences shown to people
(`messages`).

`shopsync.engine.SyncEngine` strings the steps together; import it from there. This package's
`__init__` imports nothing on purpose, so that a step module never drags the whole engine in.
"""
