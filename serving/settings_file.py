"""Writing the settings files run.sh makes for the Rasa server (credentials, endpoints): a base file plus
the environment, readable by its owner only. Shared by channels/settings.py and stores/settings.py,
which must not import each other.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, Callable, Mapping

import yaml


def write_private_yaml(path: Path, content: Mapping[str, Any]) -> None:
    """Writes a file that holds secrets: readable by its owner only, before any are written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.chmod(0o600)
    path.write_text(yaml.safe_dump(dict(content), sort_keys=False))


Settings = Mapping[str, Any]
Environment = Mapping[str, str]


def write_settings(argv: list[str] | None, description: str, default_base: str,
                   settings: Callable[[Settings, Environment], Settings], summary: Callable[[Environment], str]) -> int:
    """The command run.sh calls for Rasa's credentials and endpoints files: a base file plus the
    environment, written readable by its owner only; prints what is on, or the error and returns 1."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--base", type=Path, default=Path(default_base))
    parser.add_argument("--out", type=Path, required=True, help="where to write the file Rasa reads")
    args = parser.parse_args(argv)
    base = yaml.safe_load(args.base.read_text()) or {}
    try:
        written = settings(base, os.environ)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    write_private_yaml(args.out, written)
    print(summary(os.environ))
    return 0
