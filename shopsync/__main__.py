import sys

from shopsync.cli import main

sys.exit(main())
