"""Constructions added after the blind5 score: each with invented sentences."""

from __future__ import annotations

import pytest

from tests.unit.extract_support import Triple, statements, triple_key


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # sanctions on entities in X, Y and Z: the states are the targets
        (
            "Canada imposed sanctions on 50 firms and individuals in Iran and Belarus.",
            "en",
            ("CAN", "OPPOSES", "BLR"),
        ),
        (
            "Die EU verhängte Sanktionen gegen mehrere Unternehmen in China.",
            "de",
            ("EU", "OPPOSES", "CHN"),
        ),
        # nominalisation with an explicit agent after the recipient
        (
            "Die Lieferung von Panzern an Polen durch Italien verzögert sich.",
            "de",
            ("ITA", "SUPPLIES", "POL"),
        ),
        (
            "The delivery of howitzers to Armenia by France was confirmed.",
            "en",
            ("FRA", "SUPPLIES", "ARM"),
        ),
        (
            "La livraison de chars à la Moldavie par la Roumanie a commencé.",
            "fr",
            ("ROU", "SUPPLIES", "MDA"),
        ),
        # "air defence" is a supplied item class in every language
        ("Norway will send air defence systems to Lithuania.", "en", ("NOR", "SUPPLIES", "LTU")),
        (
            "La Belgique fournira des systèmes de défense aérienne à la Pologne.",
            "fr",
            ("BEL", "SUPPLIES", "POL"),
        ),
        (
            "Portugal enviará sistemas de defensa aérea a Rumanía.",
            "es",
            ("PRT", "SUPPLIES", "ROU"),
        ),
        # will + überlassen is still a delivery
        (
            "Finnland will Estland drei Luftabwehrsysteme überlassen.",
            "de",
            ("FIN", "SUPPLIES", "EST"),
        ),
        # pressure on X, Druck auf X, legal case against X
        ("Canada vowed to step up pressure on Venezuela.", "en", ("CAN", "OPPOSES", "VEN")),
        (
            "Die Niederlande wollen den Druck auf Belarus weiter erhöhen.",
            "de",
            ("NLD", "OPPOSES", "BLR"),
        ),
        (
            "Nicaragua filed a case against Germany at the court in The Hague.",
            "en",
            ("NIC", "OPPOSES", "DEU"),
        ),
        # condemning "the measures": whoever imposed the latest sanctions
        (
            "Japan imposed sanctions on North Korea. Pyongyang condemned the measures.",
            "en",
            ("PRK", "OPPOSES", "JPN"),
        ),
        # a sentence-initial pronoun is the person who was the last subject
        (
            "Olaf Scholz besuchte am Montag Kiew. Er sagte der Ukraine weitere Panzer zu.",
            "de",
            ("DEU", "SUPPLIES", "UKR"),
        ),
        (
            "Emmanuel Macron met reporters in Paris. He condemned Russia's attacks on Odesa.",
            "en",
            ("FRA", "OPPOSES", "RUS"),
        ),
    ],
)
def test_construction(text: str, lang: str, expected: Triple) -> None:
    pos, _neg = statements(text, lang)
    assert triple_key(*expected) in pos, pos


def test_reported_place_is_no_recipient() -> None:
    pos, _neg = statements("Belarus habe Russland Munition geliefert, hieß es in Warschau.", "de")
    assert ("BLR", "SUPPLIES", "RUS") in pos, pos
    assert ("BLR", "SUPPLIES", "POL") not in pos, pos


def test_aid_package_object_of_send_makes_no_reverse_supply() -> None:
    pos, _neg = statements("Canada will send Moldova a new $50 million military aid package.", "en")
    assert ("CAN", "SUPPLIES", "MDA") in pos, pos
    assert ("MDA", "SUPPLIES", "CAN") not in pos, pos


def test_european_nato_partners_is_no_eu() -> None:
    pos, _neg = statements("Die europäischen Nato-Partner müssten enger zusammenrücken.", "de")
    assert triple_key("EU", "PARTNERSHIP", "NATO") not in pos, pos


def test_pronoun_without_known_person_stays_unresolved() -> None:
    pos, _neg = statements("Russia shelled the town. He condemned the attack.", "en")
    assert not any(s == o for s, _t, o in pos), pos
    assert ("RUS", "OPPOSES", "RUS") not in pos, pos


def test_condemned_attacks_on_a_place_target_the_attacker() -> None:
    pos, _neg = statements("Spain condemned Russia's attacks on Kharkiv.", "en")
    assert ("ESP", "OPPOSES", "RUS") in pos, pos
    assert ("ESP", "OPPOSES", "UKR") not in pos, pos


def test_joining_a_states_case_joins_no_bloc() -> None:
    pos, _neg = statements(
        "Paris asked NATO for help. Ireland has joined Mexico's complaint against Peru.", "en"
    )
    assert not any(o == "NATO" and s in ("IRL", "MEX") for s, _t, o in pos), pos


def test_fronted_place_of_another_clause_is_no_target() -> None:
    pos, _neg = statements(
        "Israel struck positions in Lebanon after the Hezbollah-led attack of May 3.", "en"
    )
    assert ("HEZBOLLAH", "OPPOSES", "LBN") not in pos, pos


def test_embassy_in_a_capital_belongs_to_its_owner() -> None:
    pos, _neg = statements(
        "Norway sent tanks to Ukraine. Russia's embassy in Oslo denounced the decision.", "en"
    )
    assert ("RUS", "OPPOSES", "NOR") in pos, pos
    pos, _neg = statements("Die chinesische Botschaft in Berlin kritisierte Litauen.", "de")
    assert ("CHN", "OPPOSES", "LTU") in pos, pos
    assert ("DEU", "OPPOSES", "LTU") not in pos, pos


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Minsk has been supplied with artillery shells by Pyongyang.", "en"),
        ("Belarus sei mit Granaten aus Nordkorea beliefert worden, hieß es.", "de"),
    ],
)
def test_passive_supplied_with_makes_the_subject_the_recipient(text: str, lang: str) -> None:
    pos, _neg = statements(text, lang)
    assert ("PRK", "SUPPLIES", "BLR") in pos, pos


def test_versorgen_mit_is_a_delivery() -> None:
    pos, _neg = statements("Kuba versorgt Venezuela mit Treibstoff.", "de")
    assert ("CUB", "SUPPLIES", "VEN") in pos, pos


def test_condemned_attacks_take_the_attacker_not_the_target() -> None:
    pos, _neg = statements(
        "Die Regierung Italiens hat die iranischen Angriffe auf Israel scharf verurteilt.", "de"
    )
    assert ("ITA", "OPPOSES", "IRN") in pos, pos
    assert ("ITA", "OPPOSES", "ISR") not in pos, pos


def test_condemner_is_not_the_agent_of_the_condemned_noun() -> None:
    pos, _neg = statements("Le Kremlin a condamné la livraison d'armes à la Moldavie.", "fr")
    assert ("RUS", "SUPPLIES", "MDA") not in pos, pos
    pos, _neg = statements("Norway condemned the attacks on Odesa.", "en")
    assert ("NOR", "OPPOSES", "UKR") not in pos, pos
    # predicative: what the condemner suffers
    pos, _neg = statements(
        "Kenya signed a deal with Somaliland, which Somalia condemned as an attack on its"
        " sovereignty.",
        "en",
    )
    assert ("KEN", "OPPOSES", "SOM") in pos or ("SOM", "OPPOSES", "KEN") in pos, pos


def test_criticised_pact_targets_the_party_named_in_the_sentence() -> None:
    pos, _neg = statements(
        "Poland, Sweden and Finland signed a treaty. Russia criticised the pact, saying"
        " Finland was provoking Moscow.",
        "en",
    )
    assert ("RUS", "OPPOSES", "FIN") in pos, pos


def test_struck_actor_targets_hits_the_actor() -> None:
    pos, _neg = statements("Jordan said it had struck Hamas targets in southern Syria.", "en")
    assert ("JOR", "OPPOSES", "HAMAS") in pos, pos
    assert ("HAMAS", "OPPOSES", "SYR") not in pos, pos


def test_according_to_a_national_source_is_no_supplier() -> None:
    pos, _neg = statements(
        "Iranian advisers have been sent to Venezuela, according to Colombian intelligence.",
        "en",
    )
    assert ("COL", "SUPPLIES", "VEN") not in pos, pos


def test_source_of_a_report_is_no_subject() -> None:
    pos, _neg = statements(
        "Nach Angaben des Pentagons hat Iran Drohnen nach Russland geliefert.", "de"
    )
    assert ("IRN", "SUPPLIES", "RUS") in pos, pos
    assert ("USA", "SUPPLIES", "RUS") not in pos, pos


def test_entities_accused_of_supplying_are_the_suppliers() -> None:
    pos, _neg = statements(
        "Britain imposed sanctions on 12 Turkish companies accused of supplying Russia's military.",
        "en",
    )
    assert ("TUR", "SUPPLIES", "RUS") in pos, pos
    assert ("GBR", "SUPPLIES", "RUS") not in pos, pos
    assert ("GBR", "OPPOSES", "RUS") not in pos, pos


def test_opposing_a_sale_opposes_the_seller() -> None:
    pos, _neg = statements("India firmly opposes the Chinese arms sales to Pakistan.", "en")
    assert ("IND", "OPPOSES", "CHN") in pos, pos


def test_origin_of_an_attacked_object_is_the_target() -> None:
    pos, _neg = statements("Burkina Faso expelled French troops.", "en")
    assert ("BFA", "OPPOSES", "FRA") in pos, pos
    pos, _neg = statements(
        "Eritrea, which fought alongside Ethiopian troops in 2021, joined the talks.", "en"
    )
    assert ("ERI", "OPPOSES", "ETH") not in pos, pos


def test_romance_send_takes_en_and_a_recipients() -> None:
    pos, _neg = statements("Selon Kiev, la Biélorussie a envoyé des soldats en Russie.", "fr")
    assert ("BLR", "SUPPLIES", "RUS") in pos, pos
    pos, _neg = statements("Irán ha enviado miles de drones a Rusia.", "es")
    assert ("IRN", "SUPPLIES", "RUS") in pos, pos


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Eritrea supports the Houthis with weapons and money.", "en"),
        ("Eritrea unterstützt die Huthi-Miliz mit Waffen und Geld.", "de"),
        ("Eritrea apoya a los hutíes con armas y dinero.", "es"),
    ],
)
def test_backing_with_supplies_is_a_delivery(text: str, lang: str) -> None:
    pos, _neg = statements(text, lang)
    assert ("ERI", "SUPPLIES", "HOUTHIS") in pos, pos


def test_zu_infinitive_bereitstellen_is_a_delivery() -> None:
    pos, _neg = statements(
        "Norwegen kündigte an, weitere 2 Milliarden Kronen für die Ukraine bereitzustellen.",
        "de",
    )
    assert ("NOR", "SUPPLIES", "UKR") in pos, pos


def test_seitens_marks_the_agent_of_a_passive() -> None:
    pos, _neg = statements("Litauen wird seitens der USA mit Raketen beliefert.", "de")
    assert ("USA", "SUPPLIES", "LTU") in pos, pos
    assert ("LTU", "SUPPLIES", "USA") not in pos, pos


def test_passive_attack_by_origin_weapons() -> None:
    pos, _neg = statements("Charkiw wurde durch russische Raketen angegriffen.", "de")
    assert ("RUS", "OPPOSES", "UKR") in pos, pos


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Moldova's president thanked Romania for the air defence systems.", "en"),
        ("Die moldauische Präsidentin bedankte sich bei Rumänien für die Panzer.", "de"),
        ("La Moldavie a remercié la Roumanie pour les missiles.", "fr"),
        ("Moldavia agradeció a Rumanía los misiles.", "es"),
    ],
)
def test_thanking_for_supplies(text: str, lang: str) -> None:
    pos, _neg = statements(text, lang)
    assert ("ROU", "SUPPLIES", "MDA") in pos, pos


def test_thanking_without_items_is_no_delivery() -> None:
    pos, _neg = statements("Moldova thanked Romania for hosting the talks.", "en")
    assert ("ROU", "SUPPLIES", "MDA") not in pos, pos
