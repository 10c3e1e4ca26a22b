"""Fixtures for the engine's tests; the helpers themselves live in shop_fixtures.py, which test
modules import by that unique name (several test folders have a conftest of their own)."""

from shop_fixtures import catalog_csv, shop, site  # noqa: F401 - pytest fixtures
