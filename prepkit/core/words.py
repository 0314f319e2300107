"""When two things a patient typed are the same thing.

"Codeine" and " CODEINE ", "Tryptase  blood test" and "tryptase blood test": one
entry typed twice, one test written two ways. Case and runs of spacing are
folded here, in one place, so the profile's checks, the diary's counts, the
changes since the last visit and the wizard all agree on what "the same" means.
"""

from __future__ import annotations


def folded(text: str) -> str:
    """``text`` with case folded and every run of spacing made one space."""
    return " ".join(text.split()).casefold()


def squeezed(text: str) -> str:
    """``text`` with case folded and no spacing at all: "10mg" is "10 mg", "BID" is "bid"."""
    return "".join(text.split()).casefold()
