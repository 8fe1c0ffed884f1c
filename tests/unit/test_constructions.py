"""The extractor's construction cases, kept as data in tests/data/constructions/*.jsonl.

One JSON object a line, one file per phenomenon:

    {"id": "de-kreml-...", "lang": "de", "text": "...", "title": "...",   # title optional
     "statements": [["PRK", "SUPPLIES", "RUS"]],   # the EXACT set of non-negated statements
     "negated": [["RUS", "OPPOSES", "USA"]],       # optional: the exact set of negated ones
     "modality": {"PRK SUPPLIES RUS": "reported"},  # optional: modality of those statements
     "attributed_to": {"PRK SUPPLIES RUS": "Pentagon"},  # optional: who says so
     "known_gap": "why the engine misses it",       # optional: a strict xfail
     "must_find": [["PRK", "SUPPLIES", "RUS"]]}    # optional, only with known_gap

Sets compare (subject, type, object); PARTNERSHIP is unordered. An extra statement fails a
case as much as a missing one. A ``known_gap`` case is a strict xfail: it must fail on the
exact sets (and it fails loudly once the engine reads it, so the mark can go). Its
``must_find`` statements are still checked strictly: losing one is a real failure, not
part of the expected gap.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

import pytest
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from graph_service.extract.lexicon import RULE_LANGUAGES
from graph_service.models import Modality
from tests.unit.extract_support import Triple, extracted, statement_key, triple_key

CASES_DIR = Path(__file__).resolve().parents[1] / "data" / "constructions"

ActorId = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9_]*$")]
RelType = Literal["PARTNERSHIP", "SUPPLIES", "OPPOSES"]
StatementTriple = tuple[ActorId, RelType, ActorId]
StatementKey = Annotated[str, StringConstraints(pattern=r"^\S+ \S+ \S+$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]


def _key(t: tuple[str, str, str]) -> Triple:
    return triple_key(*t)


def _text_key(key: str) -> Triple:
    subject, rtype, obj = key.split()
    return triple_key(subject, rtype, obj)


class ConstructionCase(BaseModel):
    """One line of a construction file."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,79}$")]
    lang: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]  # a language with rules
    text: NonEmpty
    title: NonEmpty | None = None
    statements: list[StatementTriple]
    negated: list[StatementTriple] | None = None
    modality: dict[StatementKey, Modality] | None = None
    attributed_to: dict[StatementKey, NonEmpty] | None = None
    known_gap: NonEmpty | None = None
    must_find: list[StatementTriple] | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> ConstructionCase:
        if self.lang not in RULE_LANGUAGES:
            raise ValueError(f"lang {self.lang!r} has no rules ({sorted(RULE_LANGUAGES)})")
        for name in ("statements", "negated", "must_find"):
            triples = getattr(self, name) or []
            keys = [_key(t) for t in triples]
            if len(set(keys)) != len(keys):
                raise ValueError(f"{name}: a statement is listed twice")
            if any(s == o for s, _r, o in keys):
                raise ValueError(f"{name}: subject and object are the same actor")
        pos = {_key(t) for t in self.statements}
        neg = {_key(t) for t in self.negated or []}
        if pos & neg:
            raise ValueError("a statement is both asserted and negated")
        for name in ("modality", "attributed_to"):
            for key in getattr(self, name) or {}:
                rtype = key.split()[1]
                if rtype not in ("PARTNERSHIP", "SUPPLIES", "OPPOSES"):
                    raise ValueError(f"{name}: {key!r}: unknown relation type {rtype!r}")
                if _text_key(key) not in pos | neg:
                    raise ValueError(f"{name}: {key!r} is neither in statements nor in negated")
        if self.must_find is not None:
            if self.known_gap is None:
                raise ValueError("must_find is only for known_gap cases")
            if not {_key(t) for t in self.must_find} <= pos:
                raise ValueError("must_find must be a subset of statements")
        return self


class CaseFileError(ValueError):
    """A construction file that does not follow the schema (names file and line)."""


@dataclass(frozen=True)
class LoadedCase:
    file: str
    line: int
    case: ConstructionCase

    @property
    def test_id(self) -> str:
        return f"{Path(self.file).stem}:{self.case.id}"


def load_case_file(path: Path) -> list[LoadedCase]:
    """Every case of one file; CaseFileError naming ``file:line`` on the first problem."""
    if not re.fullmatch(r"[a-z0-9_]+\.jsonl", path.name):
        raise CaseFileError(f"{path.name}: file names are <phenomenon>.jsonl (a-z, 0-9, _)")
    out: list[LoadedCase] = []
    first_line: dict[str, int] = {}
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                raise CaseFileError(f"{path.name}:{lineno}: empty line")
            try:
                json.loads(line)
            except json.JSONDecodeError as exc:
                raise CaseFileError(f"{path.name}:{lineno}: not JSON: {exc}") from None
            try:
                case = ConstructionCase.model_validate_json(line)
            except ValidationError as exc:
                raise CaseFileError(f"{path.name}:{lineno}: {exc}") from None
            if case.id in first_line:
                raise CaseFileError(
                    f"{path.name}:{lineno}: duplicate id {case.id!r}"
                    f" (first on line {first_line[case.id]})"
                )
            first_line[case.id] = lineno
            out.append(LoadedCase(path.name, lineno, case))
    if not out:
        raise CaseFileError(f"{path.name}: no cases")
    return out


def case_files() -> list[Path]:
    return sorted(CASES_DIR.glob("*.jsonl"))


def _loaded() -> list[LoadedCase]:
    """The cases of every file that loads (test_case_file_follows_the_schema fails the others)."""
    cases: list[LoadedCase] = []
    for path in case_files():
        try:
            cases.extend(load_case_file(path))
        except CaseFileError:
            continue
    return cases


CASES = _loaded()


class ExactSetMismatch(AssertionError):
    """The extractor's output differs from a case's exact sets: what a known gap expects."""


def _params() -> Iterator[object]:
    for loaded in CASES:
        marks = []
        if loaded.case.known_gap:
            reason = loaded.case.known_gap
            marks.append(pytest.mark.xfail(strict=True, raises=ExactSetMismatch, reason=reason))
        yield pytest.param(loaded, id=loaded.test_id, marks=marks)


def _fmt(triples: set[Triple]) -> list[str]:
    return sorted(" ".join(t) for t in triples)


@pytest.mark.parametrize("loaded", list(_params()))
def test_construction(loaded: LoadedCase) -> None:
    case = loaded.case
    found = extracted(case.text, case.lang, case.title)
    pos = {statement_key(s) for s in found if not s.negated}
    neg = {statement_key(s) for s in found if s.negated}
    where = f"{loaded.file}:{loaded.line} ({case.id}) {case.text!r}"

    # what a known gap must not cost: a plain AssertionError, never excused by the xfail
    lost = {_key(t) for t in case.must_find or []} - pos
    assert not lost, f"{where}: lost {_fmt(lost)}; found {_fmt(pos)}"

    problems: list[str] = []
    for name, want, got in (
        ("statements", {_key(t) for t in case.statements}, pos),
        ("negated", None if case.negated is None else {_key(t) for t in case.negated}, neg),
    ):
        if want is not None and got != want:
            problems.append(
                f"{name}: missing {_fmt(want - got)}, extra {_fmt(got - want)} (found {_fmt(got)})"
            )
    for key, modality in (case.modality or {}).items():
        values = sorted({s.modality.value for s in found if statement_key(s) == _text_key(key)})
        if values != [modality.value]:
            problems.append(f"modality of {key}: want {modality.value}, found {values}")
    for key, source in (case.attributed_to or {}).items():
        want_key = _text_key(key)
        sources = sorted({str(s.attributed_to) for s in found if statement_key(s) == want_key})
        if sources != [source]:
            problems.append(f"attributed_to of {key}: want {source!r}, found {sources}")
    if problems:
        raise ExactSetMismatch(f"{where}:\n  " + "\n  ".join(problems))


# --- the files themselves ------------------------------------------------------------------


def test_there_are_case_files() -> None:
    assert case_files(), f"no construction files in {CASES_DIR}"


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.name)
def test_case_file_follows_the_schema(path: Path) -> None:
    load_case_file(path)  # CaseFileError names the file and line


def test_case_texts_are_unique() -> None:
    seen: dict[tuple[str, str, str | None], str] = {}
    dupes = []
    for loaded in CASES:
        k = (loaded.case.lang, loaded.case.text, loaded.case.title)
        if k in seen:
            dupes.append(f"{loaded.file}:{loaded.line} repeats {seen[k]}")
        seen.setdefault(k, f"{loaded.file}:{loaded.line}")
    assert dupes == []


PAIR = [["IRN", "PARTNERSHIP", "RUS"], ["RUS", "PARTNERSHIP", "IRN"]]
GOOD = {
    "id": "x-1",
    "lang": "de",
    "text": "Iran liefert Drohnen an Russland.",
    "statements": [["IRN", "SUPPLIES", "RUS"]],
}


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        pytest.param([{**GOOD, "expected": []}], "x.jsonl:1: ", id="unknown-key"),
        pytest.param([{**GOOD, "statements": "IRN SUPPLIES RUS"}], "x.jsonl:1: ", id="wrong-type"),
        pytest.param([{**GOOD, "lang": 7}], "x.jsonl:1: ", id="wrong-type-lang"),
        pytest.param(
            [{**GOOD, "statements": [["IRN", "SELLS", "RUS"]]}], "x.jsonl:1: ", id="bad-relation"
        ),
        pytest.param(
            [{**GOOD, "statements": [["IRN", "SUPPLIES"]]}], "x.jsonl:1: ", id="short-triple"
        ),
        pytest.param(
            [{**GOOD, "statements": [["iran", "SUPPLIES", "RUS"]]}], "x.jsonl:1: ", id="bad-actor"
        ),
        pytest.param(
            [GOOD, {**GOOD, "text": "Noch ein Satz."}],
            "x.jsonl:2: duplicate id 'x-1' (first on line 1)",
            id="duplicate-id",
        ),
        pytest.param(
            [GOOD, {k: v for k, v in GOOD.items() if k != "text"}], "x.jsonl:2: ", id="missing-text"
        ),
        pytest.param([{**GOOD, "lang": "xx"}], "has no rules", id="unknown-lang"),
        pytest.param(
            [{**GOOD, "modality": {"IRN SUPPLIES RUS": "likely"}}], "x.jsonl:1: ", id="bad-modality"
        ),
        pytest.param(
            [{**GOOD, "modality": {"RUS SUPPLIES IRN": "reported"}}],
            "neither in statements nor in negated",
            id="modality-of-unknown-statement",
        ),
        pytest.param(
            [{**GOOD, "negated": [["RUS", "PARTNERSHIP", "RUS"]]}], "same actor", id="self-loop"
        ),
        pytest.param(
            [{**GOOD, "must_find": [["IRN", "SUPPLIES", "RUS"]]}],
            "only for known_gap",
            id="must-find-without-gap",
        ),
        pytest.param(
            [{**GOOD, "statements": PAIR}],
            "listed twice",
            id="partnership-twice",
        ),
    ],
)
def test_schema_errors_name_file_and_line(
    tmp_path: Path, lines: list[dict[str, object]], message: str
) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    with pytest.raises(CaseFileError, match=re.escape(message)):
        load_case_file(path)


def test_schema_rejects_broken_json(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(GOOD) + "\n{not json\n", "utf-8")
    with pytest.raises(CaseFileError, match=r"^x\.jsonl:2: not JSON"):
        load_case_file(path)


def test_schema_accepts_a_good_line(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    good = {**GOOD, "negated": [], "modality": {"IRN SUPPLIES RUS": "asserted"}}
    path.write_text(json.dumps(good) + "\n", "utf-8")
    [loaded] = load_case_file(path)
    assert (loaded.file, loaded.line, loaded.test_id) == ("x.jsonl", 1, "x:x-1")
