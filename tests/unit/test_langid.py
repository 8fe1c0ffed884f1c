"""Language identification: stop-word profiles, and the lexicons for short texts."""

from __future__ import annotations

import pytest

from graph_service.extract import extract_statements
from graph_service.extract.langid import detect_language
from graph_service.models import Document


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Nordkorea liefert Raketen an Russland.", "de"),
        ("Russia supplies drones to Iran.", "en"),
        ("La Russie livre des drones à l'Iran.", "fr"),
        ("Rusia suministra drones a Irán.", "es"),
        ("La Russia fornisce droni all'Iran.", "it"),
        ("Россия поставляет дроны Ирану.", "ru"),
        ("Tor!", "und"),
    ],
)
def test_one_short_sentence_is_identified(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_the_apis_own_example_works_without_a_language() -> None:
    doc = Document(path="x.txt", text="Nordkorea liefert Raketen an Russland.")
    found = {(s.subject, s.type.value, s.object) for s in extract_statements(doc)}
    assert found == {("PRK", "SUPPLIES", "RUS")}
