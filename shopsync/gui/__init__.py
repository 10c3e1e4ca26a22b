"""The tray app: a thin Qt layer over the Qt-free engine and scheduler.

Widgets live only in the UI thread; syncs run in the scheduler's worker thread and reads in one
I/O thread, both reporting back through the hub's Qt signals (`hub.AppHub`).
"""
