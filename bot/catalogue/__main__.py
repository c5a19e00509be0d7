"""`python -m bot.catalogue build --onet DIR --oews CSV [--out PATH]` (or `make catalogue`).

Writes the occupation catalogue from the O*NET 29.3 text files and the BLS OEWS May 2024 national CSV.
Exit code 2 with one line naming the file or column when an input is wrong.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.catalogue.importer import InputError, build_catalogue, catalogue_text, summary
from bot.catalogue.model import DEFAULT_CATALOGUE_PATH

INPUT_ERROR = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.catalogue", description=__doc__.splitlines()[2])
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the catalogue file from O*NET and BLS data")
    build.add_argument("--onet", type=Path, required=True, help="folder of the O*NET 29.3 text files")
    build.add_argument("--oews", type=Path, required=True, help="BLS OEWS national CSV (national_M2024_dl.csv)")
    build.add_argument("--out", type=Path, default=DEFAULT_CATALOGUE_PATH,
                       help=f"catalogue file to write (default: {DEFAULT_CATALOGUE_PATH})")
    args = parser.parse_args(argv)
    try:
        catalogue = build_catalogue(args.onet, args.oews)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return INPUT_ERROR
    args.out.write_text(catalogue_text(catalogue), encoding="utf-8")
    print(f"Wrote {args.out}: {summary(catalogue)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
