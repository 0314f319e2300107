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
import re
from typing import Any

from prepkit.core.words import folded


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
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

    from prepkit.core.yaml_loaders import NULL_WORDS

    if isinstance(new, dict):
        if not isinstance(old, CommentedMap):
            return CommentedMap((key, _merge(None, value)) for key, value in new.items())
        # A key left empty on purpose (a placeholder to fill in later) stays, with its
        # comment: empty and missing mean the same to prepkit.
        for key in [key for key in old if key not in new and not _placeholder(old[key])]:
            del old[key]
        for key, value in new.items():
            old[key] = _merge(old.get(key), value)
        return old
    if isinstance(new, list):
        if not isinstance(old, CommentedSeq):
            return CommentedSeq(_merge(None, value) for value in new)
        added = _one_inserted(old, new)
        if added is not None:  # one new item (a logged attack): the others keep their comments
            item = _merge(None, new[added])
            if added:
                _hand_on_comments(old[added - 1], item)
            old.insert(added, item)
            return old
        if _aligned(old, new):
            return old
        for index, value in enumerate(new):
            if index < len(old):
                old[index] = _merge(old[index], value)
            else:
                old.append(_merge(None, value))
        _delete(old, len(new), len(old))
        return old
    if isinstance(old, str) and str(old).rstrip("\n") == new.rstrip("\n"):
        return old  # the same text: keep its quotes or block style
    if new in NULL_WORDS:  # plain, prepkit would read it back as no answer
        return DoubleQuotedScalarString(new)
    return LiteralScalarString(new) if "\n" in new else new


def _placeholder(value: Any) -> bool:
    """An empty answer as written: nothing, ``""``, or a plain ``~`` or ``null``."""
    from prepkit.core.yaml_loaders import NULL_WORDS

    return value is None or value == "" or (type(value) is str and value in NULL_WORDS)


def _trailing(node: Any) -> tuple[Any, int] | None:
    """The comment token after ``node``'s last value, and where in it, if there is one.

    ruamel keeps the comment lines between two list items on the first item's last
    value (in its ``ca.items``: at 2 for a mapping key, at 0 for a list item).
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    while isinstance(node, CommentedMap | CommentedSeq) and len(node):
        last = list(node.keys())[-1] if isinstance(node, CommentedMap) else len(node) - 1
        where = 2 if isinstance(node, CommentedMap) else 0
        found = node.ca.items.get(last)
        if found and len(found) > where and found[where] is not None:
            return found, where
        node = node[last]
    return None


def _hand_on_comments(before: Any, item: Any) -> None:
    """Move the comment lines that introduce the next item from ``before`` to ``item``.

    An item inserted after ``before`` would otherwise come between those lines
    and the item they were written for. A comment on ``before``'s own line stays.
    """
    from ruamel.yaml.comments import CommentedMap

    found = _trailing(before)
    if found is None or not isinstance(item, CommentedMap) or not item:
        return
    slots, where = found
    token = slots[where]
    own_line, _, introducing = str(token.value).partition("\n")
    if not introducing.strip():
        return
    token.value = own_line + "\n"
    _introduce_after(item, introducing)


def _introduce_after(node: Any, text: str) -> None:
    """Make ``text`` the comment lines after ``node``'s last value: those above the
    next item. A comment on that value's own line stays."""
    from ruamel.yaml.comments import CommentedMap

    found = _trailing(node)
    if found is not None:
        slots, where = found
        own_line = str(slots[where].value).partition("\n")[0]
        slots[where].value = own_line + "\n" + text
    elif text.strip() and isinstance(node, CommentedMap) and node:
        node.ca.items[list(node)[-1]] = [None, None, _comment("\n" + text), None]


def _comment(text: str) -> Any:
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    return CommentToken(text, CommentMark(0), None)


def _delete(items: Any, start: int, end: int) -> None:
    """Delete ``items[start:end]`` with the comment lines written above them, keeping
    those written above the item after them.

    ruamel keeps the lines above an item on the item before it: deleted as they
    were, the comment above a dropped medication would stay and sit above the next
    one, and the comment above that next one would go with the dropped item.
    """
    if end <= start:
        return
    found = _trailing(items[end - 1])
    carried = "" if found is None else str(found[0][found[1]].value).partition("\n")[2]
    if start == 0:
        _replace_first_comment(items, carried)
    else:
        _introduce_after(items[start - 1], carried)
    del items[start:end]


def _replace_first_comment(items: Any, text: str) -> None:
    """The comment lines above a list's first item become ``text`` (ruamel keeps them
    on the list itself, and the same tokens on its key in the parent)."""
    tokens = items.ca.comment[1] if items.ca.comment else None
    if text.strip():
        value = text.strip("\n").lstrip(" ") + "\n"
        if tokens:
            tokens[0].value = value
            del tokens[1:]
        else:
            items.ca.comment = [None, [_comment(value)]]
    elif tokens:
        del tokens[:]  # the parent's slot holds the same list: see _tidy


def _tidy(node: Any) -> None:
    """Drop comment slots left empty by ``_replace_first_comment`` (ruamel's emitter
    writes an empty one as a broken line)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap | CommentedSeq):
        if node.ca.comment and node.ca.comment[1] == []:
            node.ca.comment = None
        for key, slot in list(node.ca.items.items()):
            if len(slot) > 3 and slot[3] == []:
                slot[3] = None
            if all(part is None for part in slot):
                del node.ca.items[key]
        for child in node.values() if isinstance(node, CommentedMap) else node:
            _tidy(child)


# The answers that say which item a list entry is: a symptom, a medication, a result.
_IDENTITY = ("catalog", "own", "name", "test", "date", "time")


def _identity(item: Any) -> tuple[tuple[str, str], ...] | None:
    if not isinstance(item, dict):
        return None
    found = tuple((key, folded(str(item[key]))) for key in _IDENTITY if key in item)
    return found or None


def _aligned(old: Any, new: list[Any]) -> bool:
    """Merge ``new`` into ``old`` item by item where both name the same thing.

    A list the wizard changed (a symptom dropped, a medication added, a second
    result) would otherwise be written over by position: every later item would
    take the next one's values, its keys reordered and its comments on another
    entry. Items are matched by what names them (``_IDENTITY``), kept in order;
    False (nothing done) when some item has no such answer.
    """
    import difflib

    olds = [_identity(_plain(item)) for item in old]
    news = [_identity(item) for item in new]
    if None in olds or None in news:
        return False
    steps = difflib.SequenceMatcher(a=olds, b=news, autojunk=False).get_opcodes()
    for tag, start, end, first, last in reversed(steps):  # from the end: indexes hold
        if tag == "equal":
            for offset in range(end - start):
                old[start + offset] = _merge(old[start + offset], new[first + offset])
            continue
        kept = min(end - start, last - first) if tag == "replace" else 0
        for offset in range(kept):
            old[start + offset] = _merge(old[start + offset], new[first + offset])
        _delete(old, start + kept, end)
        for offset in reversed(range(kept, last - first)):
            old.insert(start + kept, _merge(None, new[first + offset]))
    return True


def _plain(value: Any) -> Any:
    """A round-trip value as the plain data it holds (for comparing with answers)."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return None if value is None else str(value)


def _one_inserted(old: list[Any], new: list[Any]) -> int | None:
    """Where ``new`` is ``old`` with one item inserted, that item's index; else None."""
    if len(new) != len(old) + 1:
        return None
    plain = [_plain(item) for item in old]
    index = next((i for i, item in enumerate(plain) if item != new[i]), len(plain))
    return index if plain[index:] == new[index + 1 :] else None


def _list_indent(text: str) -> tuple[int, int]:
    """How the file indents its list items, so a save does not re-indent them all:
    ``- name`` under its key (prepkit's own writer) or ``  - name`` (the example)."""
    from ruamel.yaml.util import load_yaml_guess_indent

    try:
        _, sequence, offset = load_yaml_guess_indent(text)
    except Exception:  # any trouble reading it: the example's layout, as before
        return 4, 2
    if not isinstance(sequence, int) or not isinstance(offset, int) or sequence < offset + 2:
        return 4, 2
    return sequence, offset


_TAB_BEFORE_COMMENT = re.compile(r"(?<=\S)[ \t]*\t[ \t]*(?=#)")


def updated_text(old_text: str, answers: dict[str, Any]) -> str | None:
    """``old_text`` with ``answers`` (plain text values, empty ones left out) written in.

    None when the old file cannot be read this way; the caller then writes the
    file afresh.
    """
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    newline = "\r\n" if "\r\n" in old_text else "\n"
    # ruamel cannot read a tab before a comment (YAML allows it): it becomes a space.
    old_text = _TAB_BEFORE_COMMENT.sub(lambda m: m.group(0).replace("\t", " "), old_text)
    yaml = _round_trip()
    try:
        root = yaml.load(old_text.replace("\r\n", "\n"))
    except (YAMLError, ValueError, TypeError):
        return None
    if not isinstance(root, CommentedMap):
        return None
    sequence, offset = _list_indent(old_text)
    yaml.indent(mapping=2, sequence=sequence, offset=offset)
    _merge(root, answers)
    _tidy(root)
    out = io.StringIO()
    yaml.dump(root, out)
    return out.getvalue().replace("\n", newline)  # CRLF files stay CRLF
