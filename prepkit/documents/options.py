"""How to print: chosen once, on the command line, and passed down whole.

Made and checked in one place (``cli.py``), frozen so no step can change it on
the way, and read by the build step and the renderers alike (copier's habit of
one object for all options).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Paper = Literal["letter", "a4"]
CardLayout = Literal["sheet", "page"]
PAPERS: tuple[Paper, ...] = ("letter", "a4")
CARD_LAYOUTS: tuple[CardLayout, ...] = ("sheet", "page")
# The profile the commands read and the wizard writes when none is named.
DEFAULT_PROFILE = "prepkit-profile.yaml"


@dataclass(frozen=True)
class Options:
    """Paper, large print, the card's layout (None: no card) and the folder to write to."""

    output_dir: Path = Path(".")
    paper: Paper = "letter"
    large_print: bool = False
    card_layout: CardLayout | None = "sheet"

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"paper must be one of {PAPERS}, not {self.paper!r}")
        if self.card_layout is not None and self.card_layout not in CARD_LAYOUTS:
            raise ValueError(f"card layout must be one of {CARD_LAYOUTS}, not {self.card_layout!r}")
