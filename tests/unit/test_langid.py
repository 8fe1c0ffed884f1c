"""Language identification (stop-word profiles, then the lexicons for short texts), and
the caps on what one sentence or document may yield."""

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


def test_a_list_times_list_sentence_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    # issue 10: one sentence of two lists of 30 states gave 870 statements
    from graph_service.config import get_settings
    from graph_service.extract.lexicon import actor_catalog

    states = [a.name for a in actor_catalog().values() if a.kind.value == "state"][:60]
    text = " and ".join(states[:30]) + " supply weapons to " + " and ".join(states[30:]) + "."
    found = extract_statements(Document(path="x.txt", text=text, lang="en"))
    assert len(found) == get_settings().max_statements_per_sentence
    monkeypatch.setenv("GRAPH_SERVICE_MAX_STATEMENTS_PER_SENTENCE", "5")
    get_settings.cache_clear()
    try:
        assert len(extract_statements(Document(path="x.txt", text=text, lang="en"))) == 5
    finally:
        monkeypatch.delenv("GRAPH_SERVICE_MAX_STATEMENTS_PER_SENTENCE")
        get_settings.cache_clear()
