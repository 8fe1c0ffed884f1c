"""Constructions added after the blind3 score: each with invented sentences."""

from __future__ import annotations

import pytest

from tests.unit.extract_support import Triple, statements, triple_key


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # an adverbial clause has its own subject
        (
            "Lebanon recalled its envoy after Israeli jets struck Syria.",
            "en",
            ("ISR", "OPPOSES", "SYR"),
        ),
        (
            "Kyjiw bat um Hilfe, nachdem russische Truppen die Ukraine erneut angegriffen hatten.",
            "de",
            ("RUS", "OPPOSES", "UKR"),
        ),
        # condemning an event noun: the target is the event's agent
        (
            "Russland griff die Ukraine an. Polen verurteilte die Verletzung ihrer Souveränität.",
            "de",
            ("POL", "OPPOSES", "RUS"),
        ),
        (
            "La France a reconnu le Kosovo. Belgrade a vivement condamné cette décision.",
            "fr",
            ("SRB", "OPPOSES", "FRA"),
        ),
        (
            "Nicaragua firmó un memorando de entendimiento con Irán. Chile criticó el acuerdo.",
            "es",
            ("CHL", "OPPOSES", "NIC"),
        ),
        (
            "Norwegen stationiert Soldaten in Estland. Russland nannte die Stationierung eine"
            " Provokation.",
            "de",
            ("RUS", "OPPOSES", "NOR"),
        ),
        # founding a named bloc with a comitative partner
        (
            "Le Mali et le Burkina Faso ont formé avec Niamey l'Alliance des États du Sahel.",
            "fr",
            ("BFA", "PARTNERSHIP", "NER"),
        ),
        # permission / enablement verbs
        (
            "Weißrussland erlaubte Russland, sein Territorium für Angriffe zu nutzen.",
            "de",
            ("BLR", "PARTNERSHIP", "RUS"),
        ),
        ("Greece allowed US forces to use its bases.", "en", ("GRC", "PARTNERSHIP", "USA")),
        ("Oman granted American troops access to its ports.", "en", ("OMN", "PARTNERSHIP", "USA")),
        (
            "Litauen hat der Bundeswehr erlaubt, drei Kasernen zu nutzen.",
            "de",
            ("LTU", "PARTNERSHIP", "DEU"),
        ),
        # buyer-side deals: the seller supplies the buyer
        ("Kenya signed a deal with Turkey to buy armed drones.", "en", ("TUR", "SUPPLIES", "KEN")),
        ("Polen kauft 48 Kampfjets von Frankreich.", "de", ("FRA", "SUPPLIES", "POL")),
        ("Argelia compra armas a Rusia.", "es", ("RUS", "SUPPLIES", "DZA")),
        ("L'Égypte achète des Rafale à la France.", "fr", ("FRA", "SUPPLIES", "EGY")),
        # relative clause between subject and verb
        (
            "Dakar, qui a acheté des drones à la Turquie, s'est rapproché de la Chine.",
            "fr",
            ("SEN", "PARTNERSHIP", "CHN"),
        ),
        # "X, a traditional ally of Y" after any verb
        (
            "The vote angered Moscow, a traditional ally of Minsk, diplomats said.",
            "en",
            ("RUS", "PARTNERSHIP", "BLR"),
        ),
        # German attributive participle with its agent
        (
            "Die von Teheran unterstützte Hisbollah griff Israel an.",
            "de",
            ("IRN", "PARTNERSHIP", "HEZBOLLAH"),
        ),
        # expelling a state's forces; ending an agreement
        (
            "Le Niger a expulsé les forces françaises de son territoire.",
            "fr",
            ("NER", "OPPOSES", "FRA"),
        ),
        (
            "Kolumbien hat das Abkommen mit Israel beendet.",
            "de",
            ("COL", "OPPOSES", "ISR"),
        ),
        # pledges
        (
            "Die EU sagte Moldau 250 Millionen Euro zu.",
            "de",
            ("EU", "SUPPLIES", "MDA"),
        ),
    ],
)
def test_construction(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    pos, _neg = statements(text, lang)
    assert triple_key(*expected) in pos


def test_delivery_by_several_suppliers_goes_to_the_topic() -> None:
    pos, _neg = statements(
        "Serbia modernised its air force. Most of its jets were donated by Russia and Belarus.",
        "en",
        title="Serbia's air force",
    )
    assert {("RUS", "SUPPLIES", "SRB"), ("BLR", "SUPPLIES", "SRB")} <= pos


def test_negation_does_not_leak_out_of_a_relative_clause() -> None:
    pos, neg = statements(
        "Ghana, which has refused to join sanctions against Russia, bought arms from Ukraine.",
        "en",
    )
    assert ("UKR", "SUPPLIES", "GHA") in pos
    assert ("UKR", "SUPPLIES", "GHA") not in neg


def test_negation_does_not_cross_an_adverbial_clause() -> None:
    pos, _neg = statements(
        "Peru did not sign the declaration after Chilean troops attacked Bolivia.",
        "en",
    )
    assert ("CHL", "OPPOSES", "BOL") in pos


def test_negation_stops_at_but() -> None:
    pos, _neg = statements(
        "The United States condemned Iran's strikes but said it did not want escalation.",
        "en",
    )
    assert ("USA", "OPPOSES", "IRN") in pos


def test_users_of_their_own_weapons_are_no_suppliers() -> None:
    pos, _neg = statements(
        "Thailand struck Cambodian targets after Cambodian troops fired rockets into Thai towns.",
        "en",
    )
    assert ("KHM", "OPPOSES", "THA") in pos
    assert ("KHM", "SUPPLIES", "THA") not in pos


def test_taking_delivery_is_receipt() -> None:
    pos, _neg = statements(
        "Vietnam took delivery of its first missiles, bought in a deal with India.", "en"
    )
    assert ("VNM", "SUPPLIES", "IND") not in pos


def test_nationality_adjective_names_the_forces() -> None:
    pos, _neg = statements(
        "Le Tchad a rompu avec Paris. Le Niger a expulsé les forces françaises.", "fr"
    )
    assert ("NER", "OPPOSES", "TCD") not in pos


def test_attack_on_the_main_subjects_place_and_its_condemnation() -> None:
    pos, _neg = statements(
        "Perú rompió relaciones con Bolivia después de que la policía boliviana irrumpiera en"
        " su embajada en La Paz. Chile condenó la incursión.",
        "es",
    )
    assert {("BOL", "OPPOSES", "PER"), ("CHL", "OPPOSES", "BOL")} <= pos


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # orders name the seller
        ("Rumänien hatte Kampfpanzer in Seoul bestellt.", "de", ("KOR", "SUPPLIES", "ROU")),
        ("Romania ordered tanks from South Korea.", "en", ("KOR", "SUPPLIES", "ROU")),
        # an object pronoun in a relative clause stands for the main subject
        (
            "Le Maroc a renforcé sa coopération avec Israël, qui lui a vendu des drones.",
            "fr",
            ("ISR", "SUPPLIES", "MAR"),
        ),
        # nominal hand-over ("Abgabe ... an")
        (
            "Tschechien füllt Lücken, die durch die Abgabe von Panzern an die Ukraine entstanden.",
            "de",
            ("CZE", "SUPPLIES", "UKR"),
        ),
    ],
)
def test_supply_construction(text: str, lang: str, expected: Triple) -> None:
    pos, _neg = statements(text, lang)
    assert expected in pos


def test_membership_after_a_relative_clause() -> None:
    pos, _neg = statements(
        "Schweden, das eine lange Küste an der Ostsee hat, ist im März der Nato beigetreten.",
        "de",
    )
    assert triple_key("SWE", "PARTNERSHIP", "NATO") in pos


def test_possessive_points_to_the_nearest_actor() -> None:
    pos, _neg = statements(
        "The European Union imposed sanctions on Iran over its drone deliveries to Russia.", "en"
    )
    assert ("IRN", "SUPPLIES", "RUS") in pos
    assert ("EU", "SUPPLIES", "RUS") not in pos


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Qatar and Bahrain agreed to restore diplomatic relations.", "en"),
        ("Katar und Bahrain haben ihre Beziehungen wiederhergestellt.", "de"),
        ("Catar y Baréin restablecieron sus relaciones diplomáticas.", "es"),
    ],
)
def test_restoring_relations_is_a_rapprochement(text: str, lang: str) -> None:
    pos, _neg = statements(text, lang)
    assert triple_key("QAT", "PARTNERSHIP", "BHR") in pos


def test_bombers_are_no_bombing() -> None:
    pos, _neg = statements("Rusia envió bombarderos estratégicos a Venezuela.", "es")
    assert ("RUS", "OPPOSES", "VEN") not in pos


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # pledges by participle and by particle verb
        (
            "Die Bundesregierung hat Moldau ein Flugabwehrsystem vom Typ Patriot zugesagt.",
            "de",
            ("DEU", "SUPPLIES", "MDA"),
        ),
        (
            "Die Nato-Staaten sicherten Georgien weitere Unterstützung zu.",
            "de",
            ("NATO", "PARTNERSHIP", "GEO"),
        ),
        # the possessor of attacked positions is the target
        (
            "Israel atacó posiciones de Hezbolá en el sur del Líbano.",
            "es",
            ("ISR", "OPPOSES", "HEZBOLLAH"),
        ),
        # German inverted subject after a fronted phrase
        (
            "Nach dem Angriff verurteilte die Bundesregierung das Vorgehen Moskaus.",
            "de",
            ("DEU", "OPPOSES", "RUS"),
        ),
    ],
)
def test_more_constructions(text: str, lang: str, expected: Triple) -> None:
    pos, _neg = statements(text, lang)
    assert triple_key(*expected) in pos
