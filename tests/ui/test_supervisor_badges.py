"""The Code 128 encoder behind the badge sheet."""

from __future__ import annotations

import pytest

from frontdesk.export.badges import WIDTHS, code128_modules, code128_values


def test_table_is_the_standard_shape():
    assert len(WIDTHS) == 107 and len(set(WIDTHS)) == 107
    assert all(sum(map(int, w)) == 11 for w in WIDTHS[:106])
    assert sum(map(int, WIDTHS[106])) == 13


def test_checksum_of_a_known_example():
    # "PJJ123C" with start B: (104 + 48 + 2·42 + 3·42 + 4·17 + 5·18 + 6·19 + 7·35) mod 103 = 55
    assert code128_values("PJJ123C") == [104, 48, 42, 42, 17, 18, 19, 35, 55, 106]


def test_digits_use_set_c_and_round_trip():
    values = code128_values("001234")
    assert values[:4] == [105, 0, 12, 34]
    runs = code128_modules("V001")
    assert sum(runs) == 11 * 6 + 13  # start, 4 characters, checksum, stop
    by_pattern = {w: i for i, w in enumerate(WIDTHS)}
    text = "".join(map(str, runs))
    decoded = [by_pattern[text[i : i + 6]] for i in range(0, len(text) - 7, 6)]
    assert decoded == code128_values("V001")[:-1]


def test_refuses_what_a_scanner_cannot_type():
    with pytest.raises(ValueError):
        code128_values("志工")
    with pytest.raises(ValueError):
        code128_values("")
