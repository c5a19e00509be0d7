"""O*NET prose (occupation descriptions, task statements), served at run time from a copy the user supplies.

The project never commits O*NET prose. Point the environment variable ONET_DIR at a folder of the
O*NET text files (the official "text" download, or ../shared/data/onet-29.3) and the bot shows an
occupation's description and main tasks, with the O*NET credit line. Without ONET_DIR, or when a
file is absent, there is simply no prose: description() is None and tasks() is empty.
The files are read once, on first use.
"""
from __future__ import annotations

import os
import re
from collections import defaultdict
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterator, Mapping

from bot.catalogue.importer import CODE, ONET_DATABASE, InputError, onet_credit, open_table

ONET_DIR_VARIABLE = "ONET_DIR"
DESCRIPTIONS_FILE = "Occupation Data.txt"
TASKS_FILE = "Task Statements.txt"
README_FILE = "Read Me.txt"
TASK_TYPE_ORDER = ("Core", "Supplemental")  # then tasks without a type
DATABASE_NAME = re.compile(r"O\*NET [0-9.]+ Database")


def rows(path: Path, columns: tuple[str, ...]) -> Iterator[dict[str, str]]:
    """The rows of one O*NET text file; none when the file or a column is missing (prose is optional)."""
    try:
        handle, reader = open_table(path, columns, delimiter="\t")
    except InputError:
        return
    with handle:
        yield from reader


class OnetProse:
    """Descriptions and task statements from an O*NET folder, or nothing when there is none."""

    def __init__(self, folder: Path | str | None) -> None:
        self.folder = Path(folder) if folder else None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> OnetProse:
        return cls(environ.get(ONET_DIR_VARIABLE, "").strip() or None)

    def _rows(self, name: str, columns: tuple[str, ...]) -> Iterator[dict[str, str]]:
        return rows(self.folder / name, columns) if self.folder else iter(())

    @cached_property
    def _descriptions(self) -> dict[str, str]:
        return {row[CODE]: row["Description"].strip()
                for row in self._rows(DESCRIPTIONS_FILE, (CODE, "Description")) if row["Description"].strip()}

    @cached_property
    def _tasks(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for row in self._rows(TASKS_FILE, (CODE, "Task", "Task Type")):
            task_type = row["Task Type"].strip()
            rank = TASK_TYPE_ORDER.index(task_type) if task_type in TASK_TYPE_ORDER else len(TASK_TYPE_ORDER)
            if row["Task"].strip():
                found[row[CODE]].append((rank, row["Task"].strip()))
        # sorted() is stable: within a type, tasks keep the file's order.
        return {code: tuple(task for _, task in sorted(tasks, key=lambda pair: pair[0])) for code, tasks in found.items()}

    @cached_property
    def database(self) -> str:
        """The release the folder holds, from its Read Me ("O*NET 29.3 Database"), so the credit names it."""
        if self.folder:
            try:
                first_line = (self.folder / README_FILE).read_text(encoding="utf-8-sig").partition("\n")[0]
            except OSError:
                first_line = ""
            named = DATABASE_NAME.search(first_line)
            if named:
                return named.group(0)
        return ONET_DATABASE

    @property
    def available(self) -> bool:
        """Whether there is any prose to show (a folder with at least the descriptions)."""
        return bool(self._descriptions)

    @property
    def credit(self) -> str:
        """The O*NET licence's credit line, to show wherever this prose is shown."""
        return onet_credit(self.database)

    def description(self, code: str) -> str | None:
        return self._descriptions.get(code)

    def tasks(self, code: str, limit: int) -> tuple[str, ...]:
        """Up to limit task statements, core tasks before supplemental ones."""
        return self._tasks.get(code, ())[:limit]


@lru_cache(maxsize=1)
def default_prose() -> OnetProse:
    """The prose the running bot shows: from the folder ONET_DIR names when the process starts."""
    return OnetProse.from_env()
