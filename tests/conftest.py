"""Fixtures for the engine's tests; the helpers themselves live in shop_fixtures.py, which test
modules import by that unique name (several test folders have a conftest of their own)."""

import os

from shop_fixtures import catalog_csv, shop, site  # noqa: F401 - pytest fixtures

# The command line speaks the system's language (shopsync/i18n.py). The suite runs as the
# shops do, on a French system, so that its CLI processes print French whatever the machine
# running the tests is set to; tests of the English output set LANG=C themselves.
for _name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "fr_FR.UTF-8"
