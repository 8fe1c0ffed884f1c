"""Constructions added after the blind2 score: each with invented sentences."""

from __future__ import annotations

import pytest

from graph_service.extract import extract_statements
from graph_service.models import Document


def triples(text: str, lang: str) -> set[tuple[str, str, str]]:
    doc = Document(path="t.txt", text=text, lang=lang)
    return {(s.subject, s.type.value, s.object) for s in extract_statements(doc) if not s.negated}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # capitals of smaller states stand for their state
        ("Managua suspendió sus relaciones con Quito.", "es", ("NIC", "OPPOSES", "ECU")),
        # suspending or freezing relations is a diplomatic break
        ("Perú congeló sus relaciones con Honduras.", "es", ("PER", "OPPOSES", "HND")),
        # the Organization of American States as an actor
        (
            "La Organización de los Estados Americanos condenó a Venezuela.",
            "es",
            ("ORGANIZATION_OF_AMERICAN_STATES", "OPPOSES", "VEN"),
        ),
        # artillery items make French sales verbs supply statements
        ("L'Italie va vendre des canons à la Roumanie.", "fr", ("ITA", "SUPPLIES", "ROU")),
        # officials named by name stand for their state
        (
            "Richard Marles said Canberra would buy drones from Japan.",
            "en",
            ("JPN", "SUPPLIES", "AUS"),
        ),
    ],
)
def test_single_statement(text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


def test_the_two_democracies_refers_back_to_a_pair() -> None:
    text = (
        "Canada met Japan in Ottawa on Monday. "
        "Both leaders praised the strategic partnership between the two democracies."
    )
    found = triples(text, "en")
    assert ("CAN", "PARTNERSHIP", "JPN") in found or ("JPN", "PARTNERSHIP", "CAN") in found


def test_oas_acronym() -> None:
    assert ("ORGANIZATION_OF_AMERICAN_STATES", "OPPOSES", "CUB") in triples(
        "The OAS condemned Cuba.", "en"
    )
