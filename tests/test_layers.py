"""Layers that only look down: cli -> (wizard | documents) -> (content + layout) -> profile -> core.

Walks every module's imports (lazy ones inside functions too) and fails if a
module imports a layer above its own, or if anything below the CLI imports Click.
The two tests after it show that the check catches both.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "prepkit"

# The lowest layer first. A module may import its own layer and those below it.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("core", ("prepkit", "prepkit.core")),
    ("profile", ("prepkit.profile",)),
    ("content and layout", ("prepkit.content", "prepkit.layout")),
    ("wizard and documents", ("prepkit.wizard", "prepkit.documents")),
    ("cli", ("prepkit.cli", "prepkit.__main__")),
]
CLICK_ALLOWED = LAYERS[-1][1]


def layer_of(module: str) -> int:
    """The index of ``module``'s layer: the longest prefix that names one wins."""
    best, rank = -1, -1
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, rank = len(prefix), index
    assert rank >= 0, f"{module} is in no layer: add it to LAYERS"
    return rank


def imports_of(source: str, module: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            if node.level:  # relative: from the module's own package
                package = module.rsplit(".", node.level)[0]
                base = f"{package}.{node.module}"
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if base == "prepkit")
    return found


def problems(modules: dict[str, str]) -> list[str]:
    """Every import in ``modules`` (name -> source) that looks up, or reaches for Click."""
    found = []
    for module, source in sorted(modules.items()):
        own = layer_of(module)
        for imported in sorted(imports_of(source, module)):
            if imported == "click" or imported.startswith("click."):
                if not any(module.startswith(p) for p in CLICK_ALLOWED):
                    found.append(f"{module} imports Click (only the CLI may)")
            elif imported.startswith("prepkit.") and layer_of(imported) > own:
                found.append(
                    f"{module} ({LAYERS[own][0]}) imports {imported} "
                    f"({LAYERS[layer_of(imported)][0]})"
                )
    return found


def package_modules() -> dict[str, str]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path.read_text(encoding="utf-8")
    return modules


def test_every_layer_only_looks_down_and_only_the_cli_knows_click() -> None:
    assert not problems(package_modules()), "\n".join(problems(package_modules()))


def test_an_import_from_a_layer_above_is_caught() -> None:
    """As profile/schema.py once imported the catalog to check ids."""
    found = problems({"prepkit.profile.schema": "from prepkit.content.catalog import load_catalog"})
    assert found == [
        "prepkit.profile.schema (profile) imports prepkit.content.catalog (content and layout)"
    ]
    lazy = "def f():\n    from prepkit.documents.render import render_card\n"
    assert problems({"prepkit.core.output": lazy})  # imports inside functions count too


def test_click_below_the_cli_is_caught() -> None:
    """As errors.py once made every error a ClickException."""
    assert problems({"prepkit.core.errors": "import click"}) == [
        "prepkit.core.errors imports Click (only the CLI may)"
    ]


# Only the CLI (with the wizard's files) and the build step write files.
WRITERS = (
    "prepkit.cli",
    "prepkit.wizard.profile_files",
    "prepkit.cli.diary_log",
    "prepkit.documents.visits",
    "prepkit.documents.build",
    "prepkit.core.output",
    "prepkit.core.locks",
)
WRITING = {
    "write_private",
    "replace_together",
    "ensure_folder",
    "remove_leftovers",
    "folder_lock",
    "profile_lock",
}


def writers(modules: dict[str, str]) -> list[str]:
    found = []
    for module, source in sorted(modules.items()):
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom) and node.module in (
                "prepkit.core.output",
                "prepkit.core.locks",
            ):
                used = WRITING & {alias.name for alias in node.names}
                if used and not module.startswith(WRITERS):
                    found.append(f"{module} writes files ({', '.join(sorted(used))})")
    return found


def test_only_the_cli_and_the_build_step_write_files() -> None:
    assert not writers(package_modules()), "\n".join(writers(package_modules()))
    # As the wizard's session and the profile writer once did.
    assert writers({"prepkit.profile.writer": "from prepkit.core.output import write_private"})


def cycles(modules: dict[str, str]) -> list[list[str]]:
    """Every loop of imports among ``modules`` (a module importing itself through
    others), counting imports inside functions and under TYPE_CHECKING: a lazy
    import hides a loop from Python, not from a reader."""
    graph: dict[str, set[str]] = {}
    for module, source in modules.items():
        targets = set()
        for imported in imports_of(source, module):
            # "from prepkit.content import worksheet" names a module; so does a dotted import.
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != module and imported != "prepkit":
                targets.add(imported)
        graph[module] = targets
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                found.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target)
        path.pop()
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return found


def test_no_module_imports_itself_through_others() -> None:
    assert cycles(package_modules()) == []


def test_a_loop_of_imports_is_caught_even_inside_a_function() -> None:
    """As content/changes.py and content/worksheet.py once imported each other."""
    planted = {
        "prepkit.content.changes": "from prepkit.content.worksheet import by_time",
        "prepkit.content.worksheet": "def f():\n    from prepkit.content.changes import g\n",
    }
    assert cycles(planted) == [
        ["prepkit.content.changes", "prepkit.content.worksheet", "prepkit.content.changes"]
    ]


def test_only_the_package_face_and_main_sit_outside_the_layer_packages() -> None:
    """The folders read as the pipeline: every module lives in its layer's package."""
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py"]
    packages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    layered = {
        prefix.split(".")[1] for _, prefixes in LAYERS for prefix in prefixes if "." in prefix
    }
    assert set(packages) <= layered, set(packages) - layered


# --- how deep the wizard's functions nest ------------------------------------------------

BLOCKS = (ast.If, ast.For, ast.While, ast.With, ast.Try)
WIZARD_DEPTH = 3  # a function deeper than this asks for a function of its own


def _depth(node: ast.AST, depth: int = 0) -> int:
    """How many blocks deep ``node``'s body goes (``elif`` counts as one level with its
    ``if``; a nested function is measured on its own)."""
    deepest = depth
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            continue
        is_elif = isinstance(node, ast.If) and child in node.orelse and isinstance(child, ast.If)
        deeper = isinstance(child, BLOCKS) and not is_elif
        deepest = max(deepest, _depth(child, depth + deeper))
    return deepest


def _too_deep(source: str, name: str) -> list[str]:
    return [
        f"{name}: {node.name} nests {_depth(node)} deep"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef) and _depth(node) > WIZARD_DEPTH
    ]


def test_no_function_in_the_wizard_nests_deeper_than_three_blocks() -> None:
    found = [
        problem
        for path in sorted((PACKAGE / "wizard").rglob("*.py"))
        for problem in _too_deep(path.read_text(encoding="utf-8"), path.name)
    ]
    assert found == []


def test_a_function_four_blocks_deep_is_caught() -> None:
    planted = (
        "def run(x):\n"
        "    try:\n        for a in x:\n            if a:\n                pass\n"
        "            elif x:\n                pass\n"
        "    except E:\n        pass\n"
    )
    assert _too_deep(planted, "p.py") == []  # three deep: elif is not a level
    deeper = planted.replace(
        "                pass\n", "                with a:\n                    pass\n", 1
    )
    assert _too_deep(deeper, "p.py") == ["p.py: run nests 4 deep"]
