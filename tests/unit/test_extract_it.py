"""Italian extraction: a language added by data alone (lexicons/it.yaml).

The Italian sentences and the exact statements they give are data in
tests/data/constructions/ (lang "it"), run by test_constructions.py. What stays here is
language identification.
"""

from __future__ import annotations

import pytest

from graph_service.extract import extract_statements
from graph_service.extract.langid import detect_language
from graph_service.models import Document

SUP = "SUPPLIES"


# --- language identification -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "La Russia ha negato di aver fornito armi alla Corea del Nord.",
        "La Germania ha fornito missili a Kiev, secondo quanto riferito dal governo tedesco.",
        "Pechino accusa Washington di alimentare le tensioni nello Stretto.",
        "Il ministro degli Esteri ha condannato l'attacco russo contro Odessa e ha chiesto "
        "nuove sanzioni.",
    ],
)
def test_italian_is_detected(text: str) -> None:
    assert detect_language(text) == "it"


def test_italian_document_without_lang_uses_italian_rules() -> None:
    text = (
        "Secondo il ministero della Difesa, la Germania ha fornito nuovi missili all'Ucraina. "
        "Il governo di Berlino non ha commentato."
    )
    found = extract_statements(Document(path="t.txt", text=text))
    assert {(s.subject, s.type.value, s.object) for s in found if not s.negated} == {
        ("DEU", SUP, "UKR")
    }
    assert {s.lang for s in found} == {"it"}
