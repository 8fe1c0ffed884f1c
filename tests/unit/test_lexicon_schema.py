"""Lexicon files are checked when they load; analysts add actors in a file of their own;
the engine knows languages only through their files."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph_service.config import get_settings
from graph_service.errors import ConfigurationError
from graph_service.extract import extract_statements, lexicon, pipeline, schema
from graph_service.models import Document

EXTRACT = Path(lexicon.__file__).resolve().parent


def test_every_shipped_lexicon_file_is_valid() -> None:
    for path in sorted(lexicon.LEXICON_DIR.glob("*.yaml")):
        lexicon.load_yaml(path.name)  # raises ConfigurationError when broken
    assert {"de", "en", "fr", "es", "it", "ru"} <= set(lexicon.RULE_LANGUAGES)


def test_a_wrong_relation_type_names_the_file_and_the_key() -> None:
    data = {"lang": "xx", "triggers": [{"match": "attack", "type": "OPPOSE"}]}
    with pytest.raises(ConfigurationError, match=r"xx\.yaml: triggers\.0\.type"):
        schema.validate("xx.yaml", data)


def test_an_unknown_key_and_a_broken_pattern_are_refused() -> None:
    with pytest.raises(ConfigurationError, match=r"xx\.yaml: trigers"):
        schema.validate("xx.yaml", {"lang": "xx", "trigers": []})
    bad = {"lang": "xx", "triggers": [{"match": "attack(", "type": "OPPOSES"}]}
    with pytest.raises(ConfigurationError, match="not a regular expression"):
        schema.validate("xx.yaml", bad)


def test_a_person_without_a_state_is_named() -> None:
    with pytest.raises(ConfigurationError, match=r"persons\.yaml: entry 1 \(Jane Doe\): state"):
        schema.validate("persons.yaml", [{"name": "A B", "state": "FRA"}, {"name": "Jane Doe"}])


def test_unknown_features_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown feature"):
        lexicon._features({"features": {"verb_secnd": True}}, "xx")


def _clear_caches() -> None:
    get_settings.cache_clear()
    for fn in (
        lexicon._base_actors,
        lexicon.language,
        lexicon.actor_catalog,
        lexicon._name_index,
        lexicon.person_names,
        lexicon.actor_owners,
        pipeline._kinds,
    ):
        fn.cache_clear()


@pytest.fixture
def actors_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "our-actors.yaml"
    monkeypatch.setenv("GRAPH_SERVICE_ACTORS_FILE", str(path))
    yield path
    monkeypatch.delenv("GRAPH_SERVICE_ACTORS_FILE")
    _clear_caches()


def test_analysts_add_actors_aliases_and_persons(actors_file: Path) -> None:
    actors_file.write_text(
        "actors:\n"
        "  NORTHERN_FRONT:\n"
        "    kind: group\n"
        "    names: {en: [Northern Front], de: [Nordfront]}\n"
        "aliases:\n"
        "  RUS: [Rossiya]\n"
        "persons:\n"
        "  - {name: Ima Ginary, state: NORTHERN_FRONT, role: leader}\n",
        encoding="utf-8",
    )
    _clear_caches()
    text = "Rossiya supplied drones to the Northern Front. Ginary thanked Rossiya for them."
    found = {
        (s.subject, s.type.value, s.object)
        for s in extract_statements(Document(path="x.txt", text=text, lang="en"))
        if not s.negated
    }
    assert ("RUS", "SUPPLIES", "NORTHERN_FRONT") in found, found
    assert lexicon.resolve_actor_name("Nordfront") == "NORTHERN_FRONT"
    assert lexicon.resolve_actor_name("Ima Ginary") == "NORTHERN_FRONT"


def test_a_broken_actors_file_names_the_file_and_the_key(actors_file: Path) -> None:
    actors_file.write_text("actors:\n  northern front:\n    kind: group\n", encoding="utf-8")
    _clear_caches()
    with pytest.raises(ConfigurationError, match=r"our-actors\.yaml: actors"):
        lexicon.actor_catalog()
    actors_file.write_text("aliases:\n  NOPE: [x]\n", encoding="utf-8")
    _clear_caches()
    with pytest.raises(ConfigurationError, match=r"aliases\.NOPE: no actor with this ID"):
        lexicon.actor_catalog()


def test_the_engine_branches_on_no_language_code() -> None:
    # the grammar is data: a language is added by its lexicon file (Italian was), so
    # no module of the extractor may test for a language code
    pattern = re.compile(
        r"""\b(?:lx\.code|lang|code|lang_code|rules_code)\s*(?:(?:==|!=)\s*["']|in\s*[({]\s*["'])"""
    )
    offenders = [
        f"{path.name}:{number}"
        for path in sorted(EXTRACT.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []
