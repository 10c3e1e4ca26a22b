# ShopSync developer commands. Only Python 3.11+ (with venv), make and git are needed:
# the first target run creates .venv and installs the project with its dev extra.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# Tests and screenshots render offscreen; `make demo` uses the real display when there is one.
OFFSCREEN := QT_QPA_PLATFORM=offscreen

.PHONY: demo test test-slow bench lint dist dist-windows screenshots translations clean syslibs venv

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "ShopSync needs Python 3.11+"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

syslibs:
	@sh scripts/qt-syslibs.sh

demo: $(STAMP) syslibs
	$(BIN)/shopsync demo

test: $(STAMP) syslibs
	$(OFFSCREEN) $(BIN)/python -m pytest -q -m "not slow"

test-slow: $(STAMP) syslibs
	$(OFFSCREEN) $(BIN)/python -m pytest -q -m slow; rc=$$?; [ $$rc -eq 0 ] || [ $$rc -eq 5 ]

# bench_woocommerce_live.py needs a live test shop (WOO_URL, WOO_CREDENTIALS): run it by hand.
bench: $(STAMP)
	@for b in benchmarks/bench_*.py; do case $$b in *_live.py) continue;; esac; \
	  echo "== $$b"; $(OFFSCREEN) $(BIN)/python $$b || exit 1; done

lint: $(STAMP)
	$(BIN)/ruff check .

dist: $(STAMP) syslibs
	cd installer && ../$(BIN)/pyinstaller --noconfirm --clean shopsync.spec

# The Windows app and dist/ShopSync-<version>.msi, built on Linux with Wine and wixl
# (docs/build.md). Needs root for apt the first time; downloads and the Wine prefix are cached
# in ~/.cache/shopsync-windows (SHOPSYNC_WIN_CACHE), the bundle lands in build/windows/.
dist-windows:
	bash scripts/windows/build.sh

screenshots: $(STAMP) syslibs
	$(OFFSCREEN) $(BIN)/shopsync screenshots docs/screenshots

translations: $(STAMP)
	$(BIN)/python resources/translations/update_translations.py

clean:
	rm -rf build dist installer/build installer/dist .pytest_cache
