"""Signed automatic updates (The Update Framework): naming, client, install, policy.

Qt-free. `tuf` is imported only by `client.py` and `shopsync.release`, so the settings and the
policy can be read without it.
"""
