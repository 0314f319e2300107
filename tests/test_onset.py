from __future__ import annotations

import pytest

from prepkit.content.worksheet import onset_key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("2019-03", (2019, 3)),
        ("2019-03-28", (2019, 3)),
        ("03/2019", (2019, 3)),
        ("March 2019", (2019, 3)),
        ("spring 2019", (2019, 4)),
        ("around 2019", (2019, 0)),
        ("as a child", None),
        ("", None),
    ],
)
def test_onset_key_reads_the_ways_patients_write_dates(
    text: str, key: tuple[int, int] | None
) -> None:
    assert onset_key(text) == key
