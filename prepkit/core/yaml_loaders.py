"""PyYAML's fast C loaders where libyaml is there, the pure-Python ones otherwise.

Parsing the profile, the catalog and the styles is a noticeable share of a run
with the pure-Python parser; both kinds give the same data and line numbers.
"""

from __future__ import annotations

from typing import Any

import yaml

#: Every value as text: used for profiles, so that what the patient typed survives.
TEXT_LOADER: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
#: YAML's words for "no value" when not in quotes: prepkit reads them as an empty
#: answer, so a patient's text that is one of them is written in quotes.
NULL_WORDS = frozenset({"~", "null", "Null", "NULL"})
#: Ordinary YAML types: used for prepkit's own data files.
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_data(text: str) -> Any:
    """Parse one of prepkit's own YAML data files."""
    return yaml.load(text, Loader=SAFE_LOADER)
