"""Constructions added after the blind3 score that are no exact-set case yet.

The others are data in tests/data/constructions/ (test_constructions.py).
"""

from __future__ import annotations

from tests.unit.extract_support import statements


def test_taking_delivery_is_receipt() -> None:
    # the exact reading (IND SUPPLIES VNM) is not found yet; this guards the direction
    pos, _neg = statements(
        "Vietnam took delivery of its first missiles, bought in a deal with India.", "en"
    )
    assert ("VNM", "SUPPLIES", "IND") not in pos
