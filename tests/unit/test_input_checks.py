"""Input checks that need no database: the markup filter, front matter, folder walks,
the progress total and language identification of one short sentence."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from graph_service.api.schemas import DocumentIn
from graph_service.errors import DocumentReadError
from graph_service.extract import extract_statements, read_documents
from graph_service.extract.reader import count_documents
from graph_service.models import Document

PROSE_WITH_SIGNS = [
    "Die Hacker nutzten JavaScript: Russland greift die Ukraine an.",
    "Die Wahrscheinlichkeit liegt bei 3<x und y>2 Prozent.",
    "Die Lieferungen stiegen um >40 % und die Kosten um <5 %.",
    "He wrote <unclear> in the margin, then left.",
]
MARKUP = [
    "Russland <script>alert(1)</script> greift an.",
    "Ein Bild <img src=x onerror=alert(1)> hier.",
    '<a href="javascript:alert(1)">Link</a>',
    "Text </div> mehr",
    "ein <!-- Kommentar --> im Text",
    "<svg/onload=alert(1)>",
    "siehe javascript:alert(document.cookie)",
    "< script >alert(1)",
]


@pytest.mark.parametrize("text", PROSE_WITH_SIGNS)
def test_prose_with_colons_and_angle_brackets_is_text(text: str) -> None:
    assert DocumentIn(text=text).text == text


@pytest.mark.parametrize("text", MARKUP)
def test_markup_is_refused_with_the_field_named(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        DocumentIn(text=text)
    error = info.value.errors()[0]
    assert error["loc"] == ("text",)
    assert "markup" in error["msg"]


def _only(paths: list[Path]) -> list[Document | DocumentReadError]:
    return list(read_documents(paths))


@pytest.mark.parametrize(
    ("front", "field"),
    [("lang: 123", "lang"), ("lang: 'deutsch!'", "lang"), ("date: not-a-date", "date")],
)
def test_front_matter_values_are_checked(tmp_path: Path, front: str, field: str) -> None:
    doc = tmp_path / "a.md"
    doc.write_text(f"---\n{front}\n---\nRussland liefert Drohnen an Iran.\n", encoding="utf-8")
    [result] = _only([doc])
    assert isinstance(result, DocumentReadError)
    assert result.field == field
    assert field in result.message and "a.md" in result.message


def test_valid_front_matter_is_kept(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("---\nlang: DE\ndate: 2024-05-01\n---\nText.\n", encoding="utf-8")
    [result] = _only([doc])
    assert isinstance(result, Document)
    assert (result.lang, str(result.date)) == ("de", "2024-05-01")


def test_jsonl_values_are_checked(tmp_path: Path) -> None:
    lines = tmp_path / "docs.jsonl"
    lines.write_text(
        '{"id": "1", "text": "Russia supplies drones to Iran.", "date": "yesterday"}\n'
        '{"id": "2", "text": "Russia supplies drones to Iran.", "lang": 7}\n'
        '{"id": "3", "text": "Russia supplies drones to Iran.", "date": "2024-02-03"}\n',
        encoding="utf-8",
    )
    first, second, third = _only([lines])
    assert isinstance(first, DocumentReadError) and first.field == "date"
    assert isinstance(second, DocumentReadError) and second.field == "lang"
    assert isinstance(third, Document) and str(third.date) == "2024-02-03"


@pytest.fixture
def odd_folder(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "real").mkdir(parents=True)
    (root / "real" / "one.txt").write_text("Russia supplies drones to Iran.\n", encoding="utf-8")
    (root / "real" / "loop").symlink_to(root)  # a link back up: a loop
    (root / "linked").symlink_to(root / "real")  # a link to a folder: followed once
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    os.mkfifo(root / "pipe.txt")
    (root / "picture.png").write_bytes(b"\x89PNG")  # not a document type: not ours
    (root / "gold.jsonl").write_text('{"doc": "one", "subject": "RUS"}\n', encoding="utf-8")
    return root


def test_folder_walk_reports_what_it_skips(odd_folder: Path) -> None:
    results = _only([odd_folder])
    docs = [r for r in results if isinstance(r, Document)]
    errors = sorted(r.message for r in results if isinstance(r, DocumentReadError))
    assert [Path(d.path).name for d in docs] == ["one.txt"]  # once, though linked twice
    assert any("dangling.txt" in e and "link" in e for e in errors), errors
    assert any("pipe.txt" in e and "FIFO" in e for e in errors), errors
    assert any("loop" in e for e in errors), errors
    assert not any("picture.png" in e or "gold.jsonl" in e for e in errors), errors


def test_progress_total_counts_what_the_reader_yields(odd_folder: Path) -> None:
    # gold.jsonl holds annotations, not documents: its lines are not counted
    assert count_documents([odd_folder]) == len(_only([odd_folder]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nordkorea liefert Raketen an Russland.", ("PRK", "SUPPLIES", "RUS", "de")),
        ("North Korea supplies missiles to Russia.", ("PRK", "SUPPLIES", "RUS", "en")),
        ("La Corée du Nord livre des missiles à la Russie.", ("PRK", "SUPPLIES", "RUS", "fr")),
        ("Corea del Norte envía misiles a Rusia.", ("PRK", "SUPPLIES", "RUS", "es")),
        ("Северная Корея поставляет ракеты России.", ("PRK", "SUPPLIES", "RUS", "ru")),
        ("La Corea del Nord fornisce missili alla Russia.", ("PRK", "SUPPLIES", "RUS", "it")),
    ],
)
def test_one_short_sentence_without_lang(text: str, expected: tuple[str, ...]) -> None:
    found = [
        (s.subject, s.type.value, s.object, s.lang)
        for s in extract_statements(Document(path="short", text=text))
    ]
    assert found == [expected]
