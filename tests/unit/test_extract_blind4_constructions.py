"""Constructions added after the blind4 score: each with invented sentences."""

from __future__ import annotations

import pytest

from tests.unit.extract_support import Triple, statements, triple_key


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "beide Regierungen" names the last coordinated pair, several sentences back
        (
            "Polen und Schweden haben einen Vertrag unterzeichnet. Die Minister trafen sich"
            " in Warschau. Es ging um die Ostsee. Die Marine soll mehr üben. Ein Sprecher"
            " verwies auf die Kosten. Zugleich sicherten beide Regierungen Estland weitere"
            " Munition zu.",
            "de",
            ("SWE", "SUPPLIES", "EST"),
        ),
        # accuse X of V-ing: X is the subject of V
        (
            "El ministro chileno acusó a Venezuela de apoyar a Hezbolá.",
            "es",
            ("HEZBOLLAH", "PARTNERSHIP", "VEN"),
        ),
        (
            "Rabat accuse Alger d'armer le Polisario.",
            "fr",
            ("DZA", "SUPPLIES", "POLISARIO_FRONT"),
        ),
        # a relative clause after "X in Y" takes X as its subject
        (
            "Saudi Arabia fears the Houthi rebels in Yemen, who have fired missiles at Saudi"
            " ports.",
            "en",
            ("HOUTHIS", "OPPOSES", "SAU"),
        ),
        # armed groups in the actor lexicon
        (
            "Die türkische Armee griff die Kurdenmiliz YPG in Nordsyrien an.",
            "de",
            ("TUR", "OPPOSES", "YPG"),
        ),
        ("Turkey attacked the YPG.", "en", ("TUR", "OPPOSES", "YPG")),
        # attacked "Ziele in X" / attacks "near"/"around" a city of X
        (
            "Russland hat in der Nacht Ziele in der Ukraine und in Moldau mit Drohnen angegriffen.",
            "de",
            ("RUS", "OPPOSES", "UKR"),
        ),
        ("Russian drones struck Odesa overnight.", "en", ("RUS", "OPPOSES", "UKR")),
        (
            "Officials said Russia's offensive near Kharkiv had stalled.",
            "en",
            ("RUS", "OPPOSES", "UKR"),
        ),
        # a name in apposition after the title confirms the subject
        (
            "Japan's foreign minister, Yoko Kamikawa, accused China of threatening Taiwan.",
            "en",
            ("JPN", "OPPOSES", "CHN"),
        ),
        (
            "El ministro ruso, Serguéi Lavrov, acusó a Ucrania de atacar Rusia.",
            "es",
            ("RUS", "OPPOSES", "UKR"),
        ),
        # pledges and announcements of items
        ("Germany pledged more tanks to Ukraine.", "en", ("DEU", "SUPPLIES", "UKR")),
        ("Canada announced new funding for Ukraine.", "en", ("CAN", "SUPPLIES", "UKR")),
    ],
)
def test_construction(text: str, lang: str, expected: Triple) -> None:
    pos, _neg = statements(text, lang)
    assert triple_key(*expected) in pos, pos


def test_possessed_war_is_not_negated() -> None:
    # the negation belongs to "no country", the war is presupposed
    pos, neg = statements(
        "The embassy said no country should help Putin promote his war against Georgia.", "en"
    )
    assert ("RUS", "OPPOSES", "GEO") in pos, (pos, neg)


def test_accused_party_is_the_agent() -> None:
    pos, _neg = statements("Israel accused Iran of arming Hezbollah.", "en")
    assert ("IRN", "SUPPLIES", "HEZBOLLAH") in pos, pos
    assert ("ISR", "SUPPLIES", "HEZBOLLAH") not in pos, pos
    pos, _neg = statements("Israel Katz acusó a Petro de apoyar a Hamás.", "es")
    assert triple_key("COL", "PARTNERSHIP", "HAMAS") in pos, pos
    assert triple_key("ISR", "PARTNERSHIP", "HAMAS") not in pos, pos


def test_junta_is_the_salient_state_not_a_supplier_in_the_sentence() -> None:
    text = (
        "Myanmar's army bombed villages in Rakhine. Myanmar has faced a civil war since the"
        " coup. Observers in Myanmar say the fighting is spreading. Russia and China continue"
        " to supply the junta with fighter jets."
    )
    pos, _neg = statements(text, "en", title="Myanmar junta bombs villages")
    assert ("RUS", "SUPPLIES", "MMR") in pos, pos
    assert ("RUS", "SUPPLIES", "CHN") not in pos, pos


def test_verb_final_sale_takes_the_an_recipient() -> None:
    pos, _neg = statements(
        "Frankreich stimmt der Lieferung zu, die Italien im Rahmen des europäischen"
        " Programms an Polen verkaufen will.",
        "de",
    )
    assert ("ITA", "SUPPLIES", "EU") not in pos, pos


def test_attributive_allied_names_no_partner() -> None:
    pos, _neg = statements(
        "The ministry said Turkish forces and two allied militias advanced.", "en"
    )
    assert not any(t == "PARTNERSHIP" for _s, t, _o in pos), pos
    pos, _neg = statements("Iran-aligned militias attacked US bases in Iraq.", "en")
    assert triple_key("IRN", "PARTNERSHIP", "USA") not in pos, pos
    pos, _neg = statements("Belarus is closely allied with Russia.", "en")
    assert triple_key("BLR", "PARTNERSHIP", "RUS") in pos, pos


def test_protecting_a_state_is_backing() -> None:
    pos, _neg = statements("Washington pledged to protect Taiwan.", "en")
    assert triple_key("USA", "PARTNERSHIP", "TWN") in pos, pos
    pos, _neg = statements("Kyiv must protect its cities from Russian drones.", "en")
    assert not any(t == "PARTNERSHIP" for _s, t, _o in pos), pos
