"""Constructions added after the blind5 score that are no exact-set case yet: the
extractor's exact output for these is not (yet) correct by the contract, so they check
only what they are about. The others are data in tests/data/constructions/
(test_constructions.py).
"""

from __future__ import annotations

from tests.unit.extract_support import statements


def test_joining_a_states_case_joins_no_bloc() -> None:
    # exact output lacks IRL OPPOSES PER (Ireland joined the complaint against Peru)
    pos, _neg = statements(
        "Paris asked NATO for help. Ireland has joined Mexico's complaint against Peru.", "en"
    )
    assert not any(o == "NATO" and s in ("IRL", "MEX") for s, _t, o in pos), pos


def test_condemner_is_not_the_agent_of_the_condemned_noun() -> None:
    # predicative: what the condemner suffers (the deal with Somaliland is not read)
    pos, _neg = statements(
        "Kenya signed a deal with Somaliland, which Somalia condemned as an attack on its"
        " sovereignty.",
        "en",
    )
    assert ("KEN", "OPPOSES", "SOM") in pos or ("SOM", "OPPOSES", "KEN") in pos, pos


def test_opposing_a_sale_opposes_the_seller() -> None:
    # exact output also has IND SUPPLIES PAK, wrong: China is the seller
    pos, _neg = statements("India firmly opposes the Chinese arms sales to Pakistan.", "en")
    assert ("IND", "OPPOSES", "CHN") in pos, pos


def test_origin_of_an_attacked_object_is_the_target() -> None:
    # fighting alongside is no attack (whether it is a partnership is open)
    pos, _neg = statements(
        "Eritrea, which fought alongside Ethiopian troops in 2021, joined the talks.", "en"
    )
    assert ("ERI", "OPPOSES", "ETH") not in pos, pos
