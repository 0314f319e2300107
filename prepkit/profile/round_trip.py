"""Saving answers into the patient's own file: their comments and key order survive.

The wizard used to write the profile afresh, deleting every note the patient had
typed into it (``# UK``, a reminder to self) without a word. Now the saved file
is read with ruamel.yaml's round-trip loader, the new answers are written into
it (a changed value replaced, a removed one deleted, a new one added at the end
of its section) and it is written back: comments, key order, quoting and
spacing stay as the patient left them. Every value is read as text, as prepkit's
own reader does, so nothing is re-typed on the way (``2026-12-03`` or ``yes`` stay
as they are). ruamel.yaml is imported here only, on the save path.
"""

from __future__ import annotations

import io
from typing import Any


def _round_trip() -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.resolver import VersionedResolver

    class TextOnly(VersionedResolver):
        """No implicit types: every scalar is text, as prepkit's reader sees it."""

        @property
        def versioned_resolver(self) -> Any:
            return {}

    yaml = YAML(typ="rt", pure=True)
    yaml.Resolver = TextOnly
    yaml.indent(mapping=2, sequence=4, offset=2)  # the example profile's layout
    yaml.width = 100
    yaml.preserve_quotes = True
    return yaml


def _merge(old: Any, new: Any) -> Any:
    """``new`` written into ``old``, keeping what ``old`` carries beyond the values."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(new, dict):
        if not isinstance(old, CommentedMap):
            return CommentedMap((key, _merge(None, value)) for key, value in new.items())
        # A key left empty on purpose (a placeholder to fill in later) stays, with its
        # comment: empty and missing mean the same to prepkit.
        for key in [key for key in old if key not in new and old[key] not in (None, "")]:
            del old[key]
        for key, value in new.items():
            old[key] = _merge(old.get(key), value)
        return old
    if isinstance(new, list):
        if not isinstance(old, CommentedSeq):
            return CommentedSeq(_merge(None, value) for value in new)
        for index, value in enumerate(new):
            if index < len(old):
                old[index] = _merge(old[index], value)
            else:
                old.append(_merge(None, value))
        del old[len(new) :]
        return old
    if isinstance(old, str) and str(old).rstrip("\n") == new.rstrip("\n"):
        return old  # the same text: keep its quotes or block style
    return LiteralScalarString(new) if "\n" in new else new


def updated_text(old_text: str, answers: dict[str, Any]) -> str | None:
    """``old_text`` with ``answers`` (plain text values, empty ones left out) written in.

    None when the old file cannot be read this way; the caller then writes the
    file afresh.
    """
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    yaml = _round_trip()
    try:
        root = yaml.load(old_text)
    except (YAMLError, ValueError, TypeError):
        return None
    if not isinstance(root, CommentedMap):
        return None
    _merge(root, answers)
    out = io.StringIO()
    yaml.dump(root, out)
    return out.getvalue()
