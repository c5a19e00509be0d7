"""The layers import one way (docs/architecture.md): bot/ is the domain core, free of Rasa and of everything above
it, without cycles; the Rasa server's channels/ and stores/ never load the action server's code nor each other;
bench/ never imports tests/; charts/ (drawing, for the chat page server) sits on bot/, and of channels/ only the
page server, a process of its own, uses it."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PROJECT_PACKAGES = ("actions", "analytics", "bench", "bot", "channels", "charts", "delivery", "pipeline", "reports",
                    "serving", "stores", "tests")


def imports(path: Path) -> set[str]:
    """The modules a file imports, as dotted names (relative imports are not used in this project)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


BOT = {module_name(path): path for path in (REPO / "bot").rglob("*.py")}


@pytest.mark.parametrize("module", sorted(BOT))
def test_bot_imports_nothing_above_it(module):
    above = {name for name in imports(BOT[module])
             if name.split(".")[0] in (*PROJECT_PACKAGES, "rasa", "rasa_sdk") and name.split(".")[0] != "bot"}
    assert not above, f"{module} imports {sorted(above)}"


# The catalogue's modules sit below the front door and the replies about article roles.
ABOVE_THE_CATALOGUE = ("bot.topics", "bot.context", "bot.replies", "bot.compare", "bot.advice", "bot.recommend", "bot.quiz")


@pytest.mark.parametrize("module", sorted(module for module in BOT if module.startswith("bot.catalogue")))
def test_the_catalogue_imports_nothing_above_it(module):
    above = sorted(name for name in imports(BOT[module]) if name.startswith(ABOVE_THE_CATALOGUE))
    assert not above, f"{module} imports {above}"


def test_no_module_in_bot_imports_one_that_imports_it():
    graph = {module: {name for name in imports(path) if name in BOT and name != module} for module, path in BOT.items()}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(step == goal or (step not in seen and not seen.add(step) and reaches(step, goal, seen))  # type: ignore[func-returns-value]
                   for step in graph[start])

    cycles = sorted(module for module in graph if reaches(module, module, set()))
    assert not cycles, f"import cycles through {cycles}"


# package -> project packages it must not import
FORBIDDEN = {
    "channels": ("actions", "stores", "charts", "analytics", "delivery", "reports", "bench", "tests"),
    "stores": ("actions", "channels", "charts", "analytics", "delivery", "reports", "bench", "tests"),
    "actions": ("stores", "channels", "charts", "serving", "reports", "bench", "tests"),
    "pipeline": ("actions", "channels", "charts", "stores", "analytics", "delivery", "reports", "bench", "tests"),
    "serving": ("actions", "channels", "charts", "stores", "analytics", "delivery", "reports", "bench", "tests"),
    "charts": ("actions", "channels", "stores", "serving", "pipeline", "analytics", "delivery", "reports", "bench", "tests",
               "rasa", "rasa_sdk"),
    # markers.yml read in Rasa's terms: by the action server and the report, so it touches no store.
    "analytics": ("actions", "channels", "charts", "stores", "serving", "delivery", "reports", "bench", "tests"),
    # Sending hand-off notes, for the action server: no store, no Rasa server.
    "delivery": ("actions", "channels", "charts", "stores", "serving", "analytics", "reports", "bench", "tests"),
    # `make report`: reads the store the servers use; sends nothing.
    "reports": ("actions", "channels", "charts", "delivery", "serving", "bench", "tests"),
    "bench": ("tests",),
}
# The chat page server draws charts; the Rasa server, which loads the rest of channels/, never imports it.
ALLOWED = {"channels.web": ("charts",)}
OUTSIDE_BOT = sorted((module_name(path), path) for package in FORBIDDEN for path in (REPO / package).rglob("*.py"))


@pytest.mark.parametrize("module, path", OUTSIDE_BOT, ids=[module for module, _ in OUTSIDE_BOT])
def test_each_layer_imports_only_what_it_may(module, path):
    forbidden = set(FORBIDDEN[module.split(".")[0]]) - set(ALLOWED.get(module, ()))
    against = sorted(name for name in imports(path) if name.split(".")[0] in forbidden)
    assert not against, f"{module} imports {against}"
