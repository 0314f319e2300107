"""Notes on the drugs not to give that may be a slip: the card prints them as written.

A responder acts on the card's DO NOT GIVE list in seconds, so three slips are
worth a word before printing, never a silent change:

* a drug to avoid that the patient also takes or carries (epinephrine above all:
  it treats the severe reactions the card warns of);
* a kind of medicine ("Anesthesia", "NSAIDs") where staff need drug names;
* a drug with no reaction, which leaves the responder without the why.

Each note asks the patient to check with their care team (the references say to
ask the provider what to avoid); what they wrote is printed either way.
"""

from __future__ import annotations

from collections.abc import Sequence

from prepkit.core.words import folded

# Words that name epinephrine, in the forms patients write it.
_EPINEPHRINE = ("epinephrine", "adrenaline", "adrenalin", "epipen", "auvi-q", "jext", "emerade")
# Names of kinds of medicine rather than of one drug (the project's own list).
_KINDS = {
    "anesthesia",
    "anaesthesia",
    "anesthetics",
    "anaesthetics",
    "general anesthesia",
    "general anaesthesia",
    "local anesthetics",
    "local anaesthetics",
    "nsaid",
    "nsaids",
    "painkillers",
    "pain killers",
    "pain relievers",
    "pain medication",
    "opioids",
    "opiates",
    "antibiotics",
    "muscle relaxants",
    "contrast",
    "contrast dye",
    "dyes",
    "vaccines",
}
_CHECK = "please check this with your care team; the card prints it as you wrote it"


def slips(
    avoid: Sequence[tuple[str, str]], taken: Sequence[str], *, carries: bool
) -> list[tuple[int, str, str]]:
    """(index, field, note) for each drug to avoid that may be a slip.

    Plain names rather than a profile, so the wizard can say them the moment the
    list is entered, before the rest of the profile exists (and this module needs
    nothing from the schema that calls it).
    """
    found: list[tuple[int, str, str]] = []
    medications = {folded(name): name for name in taken}
    carried = carries or any(any(w in folded(n) for w in _EPINEPHRINE) for n in taken)
    for index, (written, reaction) in enumerate(avoid):
        name = folded(written)
        if name in medications:
            also = medications[name]
            found.append(
                (index, "name", f"{written!r} is also one of your medications ({also!r}); {_CHECK}")
            )
        elif carried and any(word in name for word in _EPINEPHRINE):
            found.append(
                (
                    index,
                    "name",
                    f"{written!r} is epinephrine, which this profile also says you "
                    f"carry or take; {_CHECK}",
                )
            )
        if name.strip(" .") in _KINDS:
            found.append(
                (
                    index,
                    "name",
                    f"{written!r} names a kind of medicine rather than a drug; ask your care "
                    "team which drugs to list (the card prints what you wrote)",
                )
            )
        if not reaction.strip():
            found.append(
                (
                    index,
                    "reaction",
                    f"{written!r} has no reaction; the card shows the drug without what "
                    "happened. Add it if you know it",
                )
            )
    return found
