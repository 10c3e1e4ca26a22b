"""A stand-in for the shop's web site: Site API v1, a storefront page and a fault mode.

It shares only `shopsync.site.protocol` with the client. Import `server` or `testing` for the
runnable pieces; importing this package alone pulls in nothing heavy.
"""
