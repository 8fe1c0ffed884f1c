"""Discourse-level constructions that are no exact-set case yet.

The others are data in tests/data/constructions/ (test_constructions.py).
"""

from __future__ import annotations

from tests.unit.extract_support import statements


def test_fighters_are_no_fight() -> None:
    # the exact output has SYR SUPPLIES LBY ("syrische Kämpfer" read as Syrian troops),
    # doubtful: the Libyan government fetched them, Syria sent nobody
    pos, _neg = statements("Die Regierung Libyens holte syrische Kämpfer ins Land.", "de")
    assert ("LBY", "OPPOSES", "SYR") not in pos, pos
