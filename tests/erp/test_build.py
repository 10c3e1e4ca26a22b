"""The builder's fast StockLine construction is indistinguishable from the constructor."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

from shopsync.erp.build import make_stock_lines
from shopsync.model import StockLine


def test_fast_stock_lines_equal_constructed_ones() -> None:
    columns = (["A", "B"], ["Fred", None], ["x", None], [2, 0], [Decimal("1.50"), None],
               ["52", None], ["3662000123456", None], ["Actif", None], [2, 9])
    fast = make_stock_lines(*[list(c) for c in columns])
    slow = [StockLine(*values) for values in zip(*columns, strict=True)]
    assert fast == slow
    assert hash(fast[0]) == hash(slow[0])
    assert repr(fast[1]) == repr(slow[1])


def test_importing_the_api_loads_no_reader_library() -> None:
    probe = ("import sys, shopsync.erp, shopsync.commands.read; "
             "print([m for m in ('python_calamine', 'dbfread', 'pyodbc', 'httpx', 'PySide6', 'shopsync.erp.reader') "
             "if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr
