"""The shape of the lexicon files, checked when they load.

A typo in a data file should fail loudly with the file and the key, not quietly turn a
trigger off. ``validate(name, data)`` checks a parsed file against its model and raises
:class:`~graph_service.errors.ConfigurationError` naming both.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from graph_service.errors import ConfigurationError
from graph_service.models import ActorKind, RelationType

Words = str | list[str] | None
NameTable = dict[str | None, list[str]] | None  # a null key blocks the forms


def _regex(value: str | None) -> str | None:
    if value is not None:
        try:
            re.compile(value)
        except re.error as error:
            raise ValueError(f"not a regular expression ({error}): {value!r}") from error
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Inflection(_Strict):
    name_suffixes: list[str] = Field(default_factory=list)
    name_suffix_skip: str | None = None
    adjective_endings: list[str] = Field(default_factory=lambda: [""])
    # gender and number of origin adjectives where they change the ending ("-ais" ->
    # "-aise", "-aises"): the longest matching ending of a listed form is replaced by each
    # of its forms, so the lexicon lists one form per adjective
    adjective_rules: dict[str, list[str]] = Field(default_factory=dict)
    modifier_endings: list[str] = Field(default_factory=list)

    _check = field_validator("name_suffix_skip")(_regex)


class TriggerSpec(_Strict):
    match: str
    type: RelationType
    subtype: str | None = None
    strength: float | None = Field(default=None, ge=0.0, le=1.0)
    pos: Literal["noun", "verb", "adj"] | None = None
    frame: str | None = None
    reverse: bool = False
    mutual: bool = False
    rankable: bool = True
    object_kinds: list[ActorKind] | None = None
    needs_item: bool = False
    particle: str | None = None
    unless_particle: str | None = None
    requires: str | None = None
    # the next word that makes the trigger an adjective of a name ("armed forces")
    unless_next: str | None = None
    obj_preps: list[str] | None = None

    _check = field_validator("match", "particle", "unless_particle", "requires", "unless_next")(
        _regex
    )


class TriggerDefault(_Strict):
    strength: float | None = Field(default=None, ge=0.0, le=1.0)
    pos: Literal["noun", "verb", "adj"] | None = None
    subtype: str | None = None


class ItemSpec(_Strict):
    match: str
    item: str
    subtype: str

    _check = field_validator("match")(_regex)


class CompoundItem(_Strict):
    words: str
    item: str
    subtype: str


class DenialSpec(_Strict):
    match: str
    particle: str | None = None

    _check = field_validator("match", "particle")(_regex)


class LanguageFile(_Strict):
    """``<code>.yaml``: everything the extractor knows about one language."""

    lang: str
    features: dict[str, bool | str] | None = None
    abbreviations: Words = None
    inflection: Inflection | None = None
    names: NameTable = None
    adjectives: NameTable = None
    demonyms: NameTable = None
    metonyms: NameTable = None
    words: dict[str, Words] | None = None
    coref_numbers: dict[str, int] | None = None
    coref_nouns: dict[str, Words] | None = None
    anaphors: dict[str, Words] | None = None
    participle: str | None = None
    obj_preps: dict[RelationType, list[str]] | None = None
    denial: list[DenialSpec] | None = None
    compound_items: list[CompoundItem] | None = None
    items: list[ItemSpec] | None = None
    trigger_defaults: dict[RelationType, TriggerDefault] | None = None
    triggers: list[TriggerSpec] | None = None

    _check = field_validator("participle")(_regex)


class OtherActor(_Strict):
    kind: ActorKind
    names: dict[str, list[str]]
    cs: list[str] | None = None
    state: str | None = None

    @field_validator("names")
    @classmethod
    def _english_name(cls, names: dict[str, list[str]]) -> dict[str, list[str]]:
        if not names.get("en"):
            raise ValueError("needs at least one English name (names.en), its display name")
        return names


class Region(_Strict):
    """A fixed set of states named together ("the Central Asian states"): a mention
    of it names each member."""

    members: list[str] = Field(min_length=2)
    names: dict[str, list[str]]


class ActorsFile(_Strict):
    """``actors.yaml``: which territories are states, and the non-state actors."""

    states: str
    alpha3: dict[str, str] | None = None
    others: dict[str, OtherActor]
    state_organs: dict[str, dict[str, list[str]]] | None = None
    capitals: dict[str, list[str]] | None = None
    blocked: list[str] | None = None
    regions: dict[str, Region] | None = None


class Person(_Strict):
    name: str
    state: str
    role: str | None = None
    forms: list[str] | None = None
    surname: bool = True


class AnalystActors(_Strict):
    """The analysts' own file (setting ``GRAPH_SERVICE_ACTORS_FILE``): new actors,
    more names for known ones, and persons who stand for an actor."""

    actors: dict[str, OtherActor] = Field(default_factory=dict)
    aliases: dict[str, list[str]] = Field(default_factory=dict)
    persons: list[Person] = Field(default_factory=list)

    @field_validator("actors", "aliases")
    @classmethod
    def _ids(cls, table: dict[str, Any]) -> dict[str, Any]:
        for key in table:
            if not re.fullmatch(r"[A-Z][A-Z0-9_]*", key):
                raise ValueError(f"{key!r} is no canonical ID (upper case, digits, '_')")
        return table


class LangidFile(_Strict):
    stopwords: dict[str, str]


def _model_for(name: str, data: Any) -> type[BaseModel] | None:
    if name == "actors.yaml":
        return ActorsFile
    if name == "langid.yaml":
        return LangidFile
    if isinstance(data, dict) and "lang" in data:
        return LanguageFile
    return None


def _where(error: Any) -> str:
    return ".".join(str(part) for part in error["loc"]) or "(top level)"


def validate(name: str, data: Any, model: type[BaseModel] | None = None) -> None:
    """Check a parsed lexicon file; raise ConfigurationError naming the file and key."""
    if name == "persons.yaml" and model is None:
        if not isinstance(data, list):
            raise ConfigurationError(f"lexicon {name}: a list of persons is expected")
        for number, row in enumerate(data):
            try:
                Person.model_validate(row)
            except ValidationError as error:
                first = error.errors()[0]
                raise ConfigurationError(
                    f"lexicon {name}: entry {number} ({row.get('name', '?')}): "
                    f"{_where(first)}: {first['msg']}"
                ) from error
        return
    model = model or _model_for(name, data)
    if model is None:
        return
    try:
        model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        more = len(error.errors()) - 1
        raise ConfigurationError(
            f"lexicon {name}: {_where(first)}: {first['msg']}"
            + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")
        ) from error


# --- data/dates/<lang>.yaml and data/intensity.yaml (extract/event_dates.py, intensity.py) ---


class RelativeDate(_Strict):
    """A date relative to the document's: ``match`` is words separated by spaces, each
    slot an alternation ("last week", "vor {n} tagen|tag"; ``{n}`` is a number);
    ``offset`` is in ``unit``s from the document's date, times n when ``{n}`` is there."""

    match: str
    unit: Literal["day", "week", "month", "year"]
    offset: int


class YearParts(_Strict):
    early: list[str] = Field(default_factory=list)
    mid: list[str] = Field(default_factory=list)
    late: list[str] = Field(default_factory=list)


class DatesFile(_Strict):
    """``dates/<code>.yaml``: how one language writes dates (all words lower case)."""

    lang: str
    capitalised: bool = Field(
        default=False,
        description="month and weekday names count only capitalised (en, de); otherwise only "
        "in lower case, except as the sentence's first word ('Santo Domingo' is a city)",
    )
    months: dict[int, list[str]]
    weekdays: dict[int, list[str]] = Field(description="ISO numbers: 1 = Monday")
    weekday_needs_prep: bool = False
    ordinal_suffixes: list[str] = Field(default_factory=list)
    month_day: bool = Field(default=False, description="'March 3, 2024' (month before day)")
    numeric_dmy: bool = Field(default=False, description="24.02.2022 and 24/02/2022, day first")
    connectors: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    at: list[str] = Field(default_factory=list)
    since: list[str] = Field(default_factory=list)
    period_from: list[str] = Field(default_factory=list)
    period_to: list[str] = Field(default_factory=list)
    between: list[str] = Field(default_factory=list)
    between_and: list[str] = Field(default_factory=list)
    year_before: list[str] = Field(default_factory=list)
    year_after: list[str] = Field(default_factory=list)
    year_needs_word: bool = False
    year_parts: YearParts = Field(default_factory=YearParts)
    weekday_past_before: list[str] = Field(default_factory=list)
    weekday_past_after: list[str] = Field(default_factory=list)
    since_comparison: list[str] = Field(
        default_factory=list,
        description="words before 'since' that make it a comparison's baseline, not the "
        "start of a period ('the worst clash since 2019', 'erstmals seit 2019')",
    )
    numbers: dict[str, int] = Field(default_factory=dict)
    relative: list[RelativeDate] = Field(default_factory=list)

    @field_validator("months")
    @classmethod
    def _twelve(cls, months: dict[int, list[str]]) -> dict[int, list[str]]:
        if sorted(months) != list(range(1, 13)):
            raise ValueError("needs the months 1 to 12")
        return months

    @field_validator("weekdays")
    @classmethod
    def _seven(cls, days: dict[int, list[str]]) -> dict[int, list[str]]:
        if sorted(days) != list(range(1, 8)):
            raise ValueError("needs the weekdays 1 (Monday) to 7")
        return days


class Intensity(_Strict):
    """One row of ``intensity.yaml``: the CAMEO code a (type, subtype) stands for, its
    published Goldstein value and QuadClass."""

    cameo: str = Field(pattern=r"^\d{2,4}$")
    goldstein: float = Field(ge=-10.0, le=10.0)
    quad_class: int = Field(ge=1, le=4)
    label: str

    @model_validator(mode="after")
    def _quad_of_root(self) -> Intensity:
        # CAMEO's QuadClass follows the root code: 01-05 verbal cooperation, 06-08
        # material cooperation, 09-13 verbal conflict, 14-20 material conflict
        root = int(self.cameo[:2])
        quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        if quad != self.quad_class:
            raise ValueError(f"CAMEO {self.cameo} is QuadClass {quad}, not {self.quad_class}")
        return self


class IntensityFile(_Strict):
    """``intensity.yaml``: per relation type a ``default`` row and one per subtype."""

    relations: dict[RelationType, dict[str, Intensity]]

    @field_validator("relations")
    @classmethod
    def _defaults(
        cls, relations: dict[RelationType, dict[str, Intensity]]
    ) -> dict[RelationType, dict[str, Intensity]]:
        for type_ in RelationType:
            if "default" not in relations.get(type_, {}):
                raise ValueError(f"{type_.value} needs a 'default' row")
        return relations
