"""Constructions added after the blind4 score that are no exact-set case yet.

The others are data in tests/data/constructions/ (test_constructions.py).
"""

from __future__ import annotations

from tests.unit.extract_support import statements, triple_key


def test_attributive_allied_names_no_partner() -> None:
    # the exact output also has IRN OPPOSES USA (the militias attacked, not Iran)
    pos, _neg = statements("Iran-aligned militias attacked US bases in Iraq.", "en")
    assert triple_key("IRN", "PARTNERSHIP", "USA") not in pos, pos


def test_protecting_from_a_threat_is_no_backing() -> None:
    # no exact case: whether the sentence states RUS OPPOSES UKR is open
    pos, _neg = statements("Kyiv must protect its cities from Russian drones.", "en")
    assert not any(t == "PARTNERSHIP" for _s, t, _o in pos), pos
