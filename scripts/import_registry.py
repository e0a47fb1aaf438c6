"""Import the actor registry from fetched snapshots: the same as `tiesgraph registry import SRC…`.

    .venv/bin/python scripts/import_registry.py /work/.mirror/every-politician-scrapers+*/repo
"""

from __future__ import annotations

import sys

from service.cli_registry import registry_app

if __name__ == "__main__":
    registry_app(["import", *sys.argv[1:]])
