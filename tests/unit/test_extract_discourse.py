"""Constructions added for recall: discourse-level sides, appositions, relative clauses,
Romance word order, recognition, founding, envoys, negation scope. Short invented
sentences, none taken from the dev corpus or the held-out paragraphs."""

from __future__ import annotations

import pytest

from graph_service.extract import extract_statements
from graph_service.models import Document


def found(text: str, lang: str, title: str | None = None) -> set[tuple[str, str, str]]:
    doc = Document(path="t.txt", text=text, lang=lang, title=title)
    out = set()
    for s in extract_statements(doc):
        if not s.negated:
            out.add((s.subject, s.type.value, s.object))
            if s.type.value == "PARTNERSHIP":
                out.add((s.object, s.type.value, s.subject))
    return out


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # agentless passive accession: the bloc comes from the article's topic
        (
            "Montenegro ist seit 2017 Mitglied der Nato. Die Regierung sprach von einem "
            "guten Tag. Die Armee wurde modernisiert. Nordmazedonien wurde 2020 aufgenommen.",
            "de",
            ("MKD", "PARTNERSHIP", "NATO"),
        ),
        # delivery without a named recipient: the document's topic state
        (
            "Moldova faces a winter without heat. Moldova's grid is old and Moldova has "
            "little money. Romania delivers electricity and gas at low prices.",
            "en",
            ("ROU", "SUPPLIES", "MDA"),
        ),
        # agentless passive delivery: the supplier from the topic
        (
            "Ägypten baut seine Marine aus. Frankreich ist seit Jahren ein wichtiger "
            "Ansprechpartner, Paris wirbt um Aufträge. Im Mai wurden zwei Fregatten nach "
            "Ägypten gebracht.",
            "de",
            ("FRA", "SUPPLIES", "EGY"),
        ),
        # a noun with only its agent reuses the target of an earlier statement
        (
            "Azerbaijan launched an offensive against Armenia in 2022. Azerbaijani "
            "attacks continued for weeks.",
            "en",
            ("AZE", "OPPOSES", "ARM"),
        ),
        # apposition: the head is the subject; the ally noun links head and possessor
        (
            "Canberra, Tokyo's closest partner in the region, condemned the Chinese drills.",
            "en",
            ("AUS", "OPPOSES", "CHN"),
        ),
        (
            "Canberra, Tokyo's closest ally in the region, condemned the Chinese drills.",
            "en",
            ("AUS", "PARTNERSHIP", "JPN"),
        ),
        # relative clause: its subject is the actor before it
        (
            "Le Tchad s'est rapproché de la Hongrie, qui a envoyé des soldats au Tchad.",
            "fr",
            ("HUN", "SUPPLIES", "TCD"),
        ),
        (
            "Tchad s'est rapproché de la Hongrie, qui a envoyé des soldats au Tchad.",
            "fr",
            ("TCD", "PARTNERSHIP", "HUN"),
        ),
        # Romance post-nominal adjectives name the agent
        (
            "Las sanciones europeas contra Bielorrusia entraron en vigor.",
            "es",
            ("EU", "OPPOSES", "BLR"),
        ),
        (
            "Les frappes israéliennes contre le Liban se poursuivent.",
            "fr",
            ("ISR", "OPPOSES", "LBN"),
        ),
        # Spanish personal "a": a coordinated subject backs the object
        (
            "Cuba y Nicaragua apoyan a Venezuela en la disputa.",
            "es",
            ("NIC", "PARTNERSHIP", "VEN"),
        ),
        # recognition of a state or of its claims
        (
            "L'Espagne a reconnu l'État de Palestine en mai.",
            "fr",
            ("ESP", "PARTNERSHIP", "PSE"),
        ),
        (
            "Kenia erkannte die Souveränität Marokkos über das Gebiet an.",
            "de",
            ("KEN", "PARTNERSHIP", "MAR"),
        ),
        # founders of a bloc ally with each other
        (
            "Tchad, le Soudan et la Libye ont fondé l'Union africaine.",
            "fr",
            ("SDN", "PARTNERSHIP", "LBY"),
        ),
        # expelling or recalling envoys
        (
            "El Gobierno ruso expulsó al embajador de Moldavia.",
            "es",
            ("RUS", "OPPOSES", "MDA"),
        ),
        (
            "Le Mali a rappelé son ambassadeur à Alger.",
            "fr",
            ("MLI", "OPPOSES", "DZA"),
        ),
        # a verb's negation does not deny what the noun phrase states
        (
            "Hungary refuses to join the European sanctions against Russia.",
            "en",
            ("EU", "OPPOSES", "RUS"),
        ),
        (
            "El Gobierno se negó a condenar la invasión rusa de Georgia.",
            "es",
            ("RUS", "OPPOSES", "GEO"),
        ),
        # capitals in every language; massacres
        (
            "Cairo shipped weapons to Mogadishu last month.",
            "en",
            ("EGY", "SUPPLIES", "SOM"),
        ),
        (
            "Das Massaker der Hamas in Israel jährt sich.",
            "de",
            ("HAMAS", "OPPOSES", "ISR"),
        ),
    ],
)
def test_construction(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    got = found(text, lang)
    assert expected in got, got


@pytest.mark.parametrize(
    ("text", "lang", "wrong"),
    [
        # deployments near a border, or to a place no lexicon knows, name no recipient
        (
            "Armenia is worried. Armenia's army is small. Turkey has deployed troops near "
            "the border.",
            "en",
            ("TUR", "SUPPLIES", "ARM"),
        ),
        # a refusal noun negates the verb it governs
        (
            "India y Brasil apoyan a Serbia en su negativa a reconocer a Kosovo.",
            "es",
            ("IND", "PARTNERSHIP", "XKX"),
        ),
        # founding a government is no alliance
        (
            "Italien und Spanien bildeten eine neue Regierung.",
            "de",
            ("ITA", "PARTNERSHIP", "ESP"),
        ),
        # fighters are no fight
        (
            "Die Regierung Libyens holte syrische Kämpfer ins Land.",
            "de",
            ("LBY", "OPPOSES", "SYR"),
        ),
    ],
)
def test_no_statement(text: str, lang: str, wrong: tuple[str, str, str]) -> None:
    assert wrong not in found(text, lang)


def test_title_makes_the_topic() -> None:
    got = found(
        "Serbia is modernising its forces. Belarus delivers fuel at discount prices.",
        "en",
        title="Serbia's army buys Belarusian trucks",
    )
    assert ("BLR", "SUPPLIES", "SRB") in got, got
