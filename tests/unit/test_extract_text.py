"""Reading, language identification, sentences, actor catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_service.errors import DocumentReadError, UnsupportedMediaError
from graph_service.extract import (
    actor_catalog,
    detect_language,
    document_from_bytes,
    read_documents,
    resolve_actor_name,
)
from graph_service.extract.lexicon import language
from graph_service.extract.text import split_sentences
from graph_service.models import ActorKind, Document


def sentences(text: str, lang: str) -> list[str]:
    return [s.text for s in split_sentences(text, language(lang).abbreviations)]


def test_segmenter_survives_abbreviations_and_ordinals() -> None:
    text = (
        "Die U.S. Navy, z. B. die 5. Flotte, ist vor Ort. Am 1. Oktober feuerte Iran Raketen ab. "
        "Mit ihrem 18. Sanktionspaket reagiert die EU. Nr. 3 folgt."
    )
    assert sentences(text, "de") == [
        "Die U.S. Navy, z. B. die 5. Flotte, ist vor Ort.",
        "Am 1. Oktober feuerte Iran Raketen ab.",
        "Mit ihrem 18. Sanktionspaket reagiert die EU.",
        "Nr. 3 folgt.",
    ]


def test_segmenter_quotes_and_headlines() -> None:
    text = (
        "Spott für Putin nach Nordkorea-Besuch\n\nEr sagte: «Was für ein Verlierer!» Dann ging er."
        "\n  • Russland und Nordkorea haben eine Partnerschaft vereinbart.\n"
        'The U.S. said "no." Mr. Biden left.'
    )
    assert sentences(text, "de")[:4] == [
        "Spott für Putin nach Nordkorea-Besuch",
        "Er sagte: «Was für ein Verlierer!»",
        "Dann ging er.",
        "Russland und Nordkorea haben eine Partnerschaft vereinbart.",
    ]
    assert sentences('The U.S. said "no." Mr. Biden left.', "en") == [
        'The U.S. said "no."',
        "Mr. Biden left.",
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Die Bundesregierung hat am Mittwoch beschlossen, dass die Hilfe für die Ukraine "
            "weitergeht.",
            "de",
        ),
        ("The government said on Monday that it would continue to support the plan.", "en"),
        (
            "Le gouvernement a annoncé lundi que les négociations avec les syndicats sont "
            "terminées.",
            "fr",
        ),
        (
            "El gobierno anunció el lunes que las negociaciones con los sindicatos han terminado.",
            "es",
        ),
        (
            "Il governo ha annunciato che le trattative con i sindacati sono finite e che la "
            "legge passa.",
            "it",
        ),
    ],
)
def test_language_identification(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_front_matter_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text(
        "---\ntitle: T\ndate: 2024-06-20\nsource: Nau.ch\nlang: de\n---\nRussland greift an.\n",
        encoding="utf-8",
    )
    (tmp_path / "a.jsonl").write_text(
        '{"id": "x1", "text": "Russia attacks.", "lang": "en"}\n{"id": "x2"}\nnot json\n',
        encoding="utf-8",
    )
    (tmp_path / "c.txt").write_bytes(b"caf\xe9 ol\xe9")
    (tmp_path / "d.txt").write_bytes(b"\x00\x01\x02binary")
    items = list(read_documents([tmp_path]))
    docs = [d for d in items if isinstance(d, Document)]
    errors = [e for e in items if isinstance(e, DocumentReadError)]
    assert [d.path for d in docs] == [f"{tmp_path}/a.jsonl#x1", f"{tmp_path}/b.md"]
    md = docs[1]
    assert (md.title, md.source, md.lang, str(md.date)) == ("T", "Nau.ch", "de", "2024-06-20")
    assert md.text == "Russland greift an.\n"
    messages = " | ".join(e.message for e in errors)
    assert "a.jsonl:2" in messages and "a.jsonl:3" in messages
    assert "not valid UTF-8" in messages and "binary" in messages


def test_document_from_bytes_rejects_bad_input() -> None:
    with pytest.raises(DocumentReadError, match="empty"):
        document_from_bytes(b"  \n", path="x", fmt="txt")
    with pytest.raises(UnsupportedMediaError):
        document_from_bytes(b"\x00\x00PK", path="x", fmt="txt")
    with pytest.raises(DocumentReadError, match="UTF-8"):
        document_from_bytes("Gr\u00fc\u00dfe".encode("latin-1"), path="x", fmt="txt")
    with pytest.raises(UnsupportedMediaError):
        document_from_bytes(b"text", path="x", fmt="pdf")


def test_html_main_text_without_boilerplate() -> None:
    html = (
        "<html><head><title>T</title></head><body><nav>Home | Sport | Login</nav>"
        "<article><h1>Sanktionen</h1><p>Die Europäische Union hat am Montag neue Sanktionen "
        "gegen Russland beschlossen. Betroffen sind Banken und Energieunternehmen, die den "
        "Krieg gegen die Ukraine finanzieren.</p><p>Die Maßnahmen gelten ab sofort und "
        "sollen nach Angaben der Kommission den Druck auf Moskau weiter erhöhen.</p>"
        "</article><footer>Impressum Datenschutz Cookies</footer></body></html>"
    )
    doc = document_from_bytes(html.encode(), path="a.html", fmt="html")
    assert "Sanktionen gegen Russland" in doc.text
    assert "Impressum" not in doc.text and "Login" not in doc.text


def test_actor_catalog_and_name_resolution() -> None:
    catalog = actor_catalog()
    assert catalog["PRK"].kind is ActorKind.STATE
    assert "Nordkorea" in catalog["PRK"].names_de
    assert "North Korea" in catalog["PRK"].names_en
    assert catalog["NATO"].kind is ActorKind.BLOC
    assert catalog["HOUTHIS"].kind is ActorKind.GROUP
    putin = catalog["VLADIMIR_PUTIN"]
    assert (putin.kind, putin.state) == (ActorKind.PERSON, "RUS")
    assert len([a for a in catalog.values() if a.kind is ActorKind.STATE]) >= 195
    for name, expected in [
        ("Nordkorea", "PRK"),
        ("nordkoreanischen", "PRK"),
        ("Russlands", "RUS"),
        ("Pjöngjang", "PRK"),
        ("der Kreml", "RUS"),
        ("the U.S.", "USA"),
        ("the UK", "GBR"),
        ("Großbritannien", "GBR"),
        ("Downing Street", "GBR"),
        ("Putin", "RUS"),
        ("iranische", "IRN"),
        ("Hisbollah", "HEZBOLLAH"),
        ("PRK", "PRK"),
    ]:
        assert resolve_actor_name(name) == expected, name
    assert resolve_actor_name("Kartoffel") is None


def test_tokenize_same_with_and_without_contractions() -> None:
    # texts without "n't" use a regex without the contraction alternatives
    from graph_service.extract.text import _TOKEN_RE, _TOKEN_RE_FAST, tokenize

    text = "Russia sent U.S.-made arms (10,000 rounds) to Kyiv's army, z.B. am 1. Mai."
    assert [m.span() for m in _TOKEN_RE.finditer(text)] == [
        m.span() for m in _TOKEN_RE_FAST.finditer(text)
    ]
    assert [t.text for t in tokenize("It didn't, and can’t.")] == [
        "It",
        "did",
        "n't",
        ",",
        "and",
        "ca",
        "n’t",
        ".",
    ]
