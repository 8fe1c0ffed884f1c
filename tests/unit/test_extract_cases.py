"""Statement fields beyond the triple: rule, evidence, span, confidence, language.

The construction cases themselves (which statements a sentence gives) are data in
tests/data/constructions/, run by test_constructions.py.
"""

from __future__ import annotations

from graph_service.extract import extract_statements
from graph_service.models import Document, Statement


def run(text: str, lang: str) -> list[Statement]:
    return extract_statements(Document(path="t.txt", text=text, lang=lang))


def test_statement_carries_rule_evidence_span_and_confidence() -> None:
    text = "Intro sentence.\nRussland greift die Ukraine an."
    [st] = [s for s in run(text, "de") if s.subject == "RUS"]
    assert st.evidence == "Russland greift die Ukraine an."
    assert st.span is not None and text[st.span[0] : st.span[1]] == st.evidence
    assert st.rule.startswith("de.opposes.")
    assert 0.0 < st.confidence <= 1.0
    assert st.lang == "de"


def test_other_language_is_marked_and_uses_cldr_names() -> None:
    doc = Document(
        path="x.txt", text="La Russia ha invaso l'Ucraina nel 2022 e la guerra continua."
    )
    statements = extract_statements(doc)
    assert all(s.lang == "it" for s in statements)
