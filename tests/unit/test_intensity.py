"""Intensity (Goldstein scale) and QuadClass of statements (extract/intensity.py,
data/intensity.yaml). Sentences are made up for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from graph_service.errors import ConfigurationError
from graph_service.extract import extract_statements, schema
from graph_service.extract.intensity import intensity_of, table
from graph_service.extract.lexicon import LEXICON_DIR
from graph_service.models import Document, QuadClass, RelationType

# The Goldstein values of the CAMEO codes the table uses, as published (GDELT's
# CAMEO.goldsteinscale.txt; see the header of data/intensity.yaml): the data file must
# carry them unchanged.
PUBLISHED = {
    "050": 3.5, "051": 3.4, "054": 6.0, "057": 8.0, "060": 6.0, "061": 6.4, "062": 7.4,
    "070": 7.0, "071": 7.4, "072": 8.3, "073": 7.4, "074": 8.5, "10": -5.0, "110": -2.0,
    "111": -2.0, "112": -2.0, "115": -2.0, "13": -6.0, "160": -4.0, "161": -4.0,
    "163": -8.0, "170": -7.0, "18": -9.0, "190": -10.0, "192": -9.5,
}  # fmt: skip


def _lexicon_subtypes() -> set[tuple[RelationType, str]]:
    """Every (type, subtype) the language files can give a statement."""
    found: set[tuple[RelationType, str]] = set()
    for path in sorted(LEXICON_DIR.glob("??.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "lang" not in data:
            continue
        for trig in data.get("triggers") or ():
            if trig.get("subtype"):
                found.add((RelationType(trig["type"]), trig["subtype"]))
        for type_, default in (data.get("trigger_defaults") or {}).items():
            if default.get("subtype"):
                found.add((RelationType(type_), default["subtype"]))
        for item in [*(data.get("items") or ()), *(data.get("compound_items") or ())]:
            found.add((RelationType.SUPPLIES, item["subtype"]))  # what is supplied
    return found


def test_every_subtype_of_the_lexicons_has_a_row() -> None:
    subtypes = _lexicon_subtypes()
    assert len(subtypes) > 20
    rows = table()
    missing = sorted(f"{t.value}.{s}" for t, s in subtypes if s not in rows[t])
    assert not missing, f"add these to data/intensity.yaml: {missing}"


def test_rows_carry_the_published_goldstein_values() -> None:
    for type_, rows in table().items():
        for subtype, row in rows.items():
            assert row.goldstein == PUBLISHED[row.cameo], f"{type_.value}.{subtype}"


def test_cooperation_is_positive_and_conflict_negative() -> None:
    for type_, rows in table().items():
        for subtype, row in rows.items():
            cooperation = type_ is not RelationType.OPPOSES
            assert (row.goldstein > 0) is cooperation, f"{type_.value}.{subtype}"
            assert (row.quad_class <= 2) is cooperation, f"{type_.value}.{subtype}"


@pytest.mark.parametrize(
    ("type_", "subtype", "goldstein", "quad"),
    [
        (RelationType.OPPOSES, "war", -10.0, QuadClass.MATERIAL_CONFLICT),
        (RelationType.OPPOSES, "attack", -9.0, QuadClass.MATERIAL_CONFLICT),
        (RelationType.OPPOSES, "occupation", -9.5, QuadClass.MATERIAL_CONFLICT),
        (RelationType.OPPOSES, "sanctions", -8.0, QuadClass.MATERIAL_CONFLICT),
        (RelationType.OPPOSES, "pressure", -7.0, QuadClass.MATERIAL_CONFLICT),
        (RelationType.OPPOSES, "diplomatic", -4.0, QuadClass.MATERIAL_CONFLICT),
        (RelationType.OPPOSES, "withdrawal", -4.0, QuadClass.MATERIAL_CONFLICT),
        (RelationType.OPPOSES, "threat", -6.0, QuadClass.VERBAL_CONFLICT),
        (RelationType.OPPOSES, "demand", -5.0, QuadClass.VERBAL_CONFLICT),
        (RelationType.OPPOSES, "condemnation", -2.0, QuadClass.VERBAL_CONFLICT),
        (RelationType.OPPOSES, "accusation", -2.0, QuadClass.VERBAL_CONFLICT),
        (RelationType.OPPOSES, "hostility", -2.0, QuadClass.VERBAL_CONFLICT),
        (RelationType.OPPOSES, "legal", -2.0, QuadClass.VERBAL_CONFLICT),
        (RelationType.PARTNERSHIP, "treaty", 8.0, QuadClass.VERBAL_COOPERATION),
        (RelationType.PARTNERSHIP, "alliance", 8.0, QuadClass.VERBAL_COOPERATION),
        (RelationType.PARTNERSHIP, "mutual_assistance", 8.0, QuadClass.VERBAL_COOPERATION),
        (RelationType.PARTNERSHIP, "membership", 8.0, QuadClass.VERBAL_COOPERATION),
        (RelationType.PARTNERSHIP, "recognition", 6.0, QuadClass.VERBAL_COOPERATION),
        (RelationType.PARTNERSHIP, "backing", 3.4, QuadClass.VERBAL_COOPERATION),
        (RelationType.PARTNERSHIP, "rapprochement", 3.5, QuadClass.VERBAL_COOPERATION),
        (RelationType.PARTNERSHIP, "military_cooperation", 7.4, QuadClass.MATERIAL_COOPERATION),
        (RelationType.PARTNERSHIP, "cooperation", 6.0, QuadClass.MATERIAL_COOPERATION),
        (RelationType.SUPPLIES, "arms", 8.3, QuadClass.MATERIAL_COOPERATION),
        (RelationType.SUPPLIES, "military_support", 8.3, QuadClass.MATERIAL_COOPERATION),
        (RelationType.SUPPLIES, "troops", 8.5, QuadClass.MATERIAL_COOPERATION),
        (RelationType.SUPPLIES, "finance", 7.4, QuadClass.MATERIAL_COOPERATION),
        (RelationType.SUPPLIES, "personnel", 7.4, QuadClass.MATERIAL_COOPERATION),
        (RelationType.SUPPLIES, "aid", 7.0, QuadClass.MATERIAL_COOPERATION),
        (RelationType.SUPPLIES, "supply", 7.0, QuadClass.MATERIAL_COOPERATION),
        (RelationType.SUPPLIES, "energy", 6.4, QuadClass.MATERIAL_COOPERATION),
        (RelationType.SUPPLIES, "technology", 6.4, QuadClass.MATERIAL_COOPERATION),
    ],
)
def test_intensity_of_each_subtype(
    type_: RelationType, subtype: str, goldstein: float, quad: QuadClass
) -> None:
    assert intensity_of(type_, subtype) == (goldstein, quad)
    assert intensity_of(type_, subtype, negated=True) is None


def test_a_subtype_the_table_does_not_know_takes_its_types_default() -> None:
    for type_ in RelationType:
        default = table()[type_]["default"]
        expected = (default.goldstein, QuadClass(default.quad_class))
        assert intensity_of(type_, "no_such_subtype") == expected
        assert intensity_of(type_, None) == expected
        assert intensity_of(type_, type_.value.lower()) == expected  # the frames' fallback


def test_the_schema_checks_quad_class_against_the_cameo_root() -> None:
    row = {"cameo": "163", "goldstein": -8.0, "quad_class": 3, "label": "sanctions"}
    data = {"relations": {t.value: {"default": row} for t in RelationType}}
    with pytest.raises(ConfigurationError, match="QuadClass 4"):
        schema.validate("intensity.yaml", data, schema.IntensityFile)
    del data["relations"]["OPPOSES"]
    row["quad_class"] = 4
    with pytest.raises(ConfigurationError, match="OPPOSES needs a 'default' row"):
        schema.validate("intensity.yaml", data, schema.IntensityFile)


# --- statements ---------------------------------------------------------------------------


def _statements(text: str, lang: str) -> list:
    return extract_statements(
        Document(path="t.txt", text=text, lang=lang, date=dt.date(2024, 5, 15))
    )


@pytest.mark.parametrize(
    ("lang", "text", "type_", "subtype"),
    [
        ("de", "Nordkorea liefert Raketen an Russland.", RelationType.SUPPLIES, "arms"),
        (
            "en",
            "Russia and North Korea signed a mutual defence treaty.",
            RelationType.PARTNERSHIP,
            None,
        ),
        (
            "en",
            "The European Union imposed new sanctions on Belarus.",
            RelationType.OPPOSES,
            "sanctions",
        ),
        ("fr", "La Russie a attaqué l'Ukraine.", RelationType.OPPOSES, None),
    ],
)
def test_statements_carry_the_intensity_of_their_subtype(
    lang: str, text: str, type_: RelationType, subtype: str | None
) -> None:
    found = [s for s in _statements(text, lang) if s.type is type_ and not s.negated]
    assert found, f"no {type_} statement in {text!r}"
    for st in found:
        if subtype is not None:
            assert st.subtype == subtype
        assert (st.intensity, st.quad_class) == intensity_of(st.type, st.subtype)
        assert st.intensity is not None
        assert (st.intensity > 0) is (type_ is not RelationType.OPPOSES)


def test_negated_statements_carry_no_intensity() -> None:
    found = _statements("China denied supplying weapons to Russia.", "en")
    negated = [s for s in found if s.negated]
    assert negated, found
    for st in negated:
        assert (st.intensity, st.quad_class) == (None, None)
