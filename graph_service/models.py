"""Domain models shared by every layer: documents, statements, actors, edges.

These are the boundary types: the extractor returns them, the store consumes and
returns them, the API maps them to its public models.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum, StrEnum

from pydantic import BaseModel, ConfigDict, Field


class RelationType(StrEnum):
    """The closed set of alignment relations. Never built from user text."""

    PARTNERSHIP = "PARTNERSHIP"
    SUPPLIES = "SUPPLIES"
    OPPOSES = "OPPOSES"

    @property
    def symmetric(self) -> bool:
        return self is RelationType.PARTNERSHIP


class Modality(StrEnum):
    ASSERTED = "asserted"
    REPORTED = "reported"
    SPECULATIVE = "speculative"


class DateKind(StrEnum):
    """What a statement's time is (``extract/event_dates.py`` reads it from the sentence).

    - ``reported``: the sentence dates nothing; the statement's time is the document's
      ``date`` (when the report appeared).
    - ``event``: the sentence dates the event itself ("im Juni 2023", "last week", "el
      pasado martes"): it happened within ``event_date`` … ``event_date_end`` (a day, a
      week, a month, a part of a year or a year; both ends inclusive).
    - ``period_start``: the relation holds since a time ("seit 2022", "depuis juin 2023",
      "с марта 2024 года"): from ``event_date`` on, up to the report (``event_date_end`` is
      None, the period is open).
    - ``period``: the relation held over a stated period ("from 2019 to 2021",
      "dal 2019 al 2021"): ``event_date`` … ``event_date_end``.
    """

    REPORTED = "reported"
    EVENT = "event"
    PERIOD_START = "period_start"
    PERIOD = "period"


class QuadClass(IntEnum):
    """CAMEO's four classes of events, as GDELT and ICEWS number them."""

    VERBAL_COOPERATION = 1
    MATERIAL_COOPERATION = 2
    VERBAL_CONFLICT = 3
    MATERIAL_CONFLICT = 4


class ActorKind(StrEnum):
    STATE = "state"
    BLOC = "bloc"
    ORGANIZATION = "organization"
    GROUP = "group"
    PERSON = "person"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Document(_Strict):
    """One input document, after reading (front matter parsed, HTML reduced to text)."""

    path: str = Field(description="Input path; for a .jsonl line: 'path#id'.")
    text: str
    id: str | None = Field(default=None, description="Identifier given by the source.")
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    source: str | None = Field(default=None, description="Publisher (front matter).")
    lang: str | None = None


class Statement(_Strict):
    """One alignment statement as the extraction contract defines it."""

    path: str
    subject: str
    type: RelationType
    object: str
    evidence: str
    confidence: float = Field(ge=0.0, le=1.0)
    subtype: str | None = None
    items: list[str] = Field(default_factory=list)
    negated: bool = False
    modality: Modality = Modality.ASSERTED
    attributed_to: str | None = None
    lang: str | None = None
    date: dt.date | None = None
    span: tuple[int, int] | None = Field(
        default=None, description="Character span of the evidence in the document text."
    )
    rule: str = Field(description="The rule or pattern that produced the statement.")
    sentence_index: int | None = None
    # time and strength (issue 13); optional, so that every consumer of the fields above
    # keeps working: ``date`` stays the document's date, these say when the event was
    date_kind: DateKind | None = Field(
        default=None, description="reported, event, period_start or period (see DateKind)."
    )
    event_date: dt.date | None = Field(
        default=None, description="First day of the event's date or period, from the sentence."
    )
    event_date_end: dt.date | None = Field(
        default=None, description="Last day (inclusive); None for an open period ('since')."
    )
    date_text: str | None = Field(
        default=None, description="The date expression as the sentence writes it."
    )
    intensity: float | None = Field(
        default=None,
        ge=-10.0,
        le=10.0,
        description="Goldstein scale of the type and subtype (data/intensity.yaml); "
        "None when negated.",
    )
    quad_class: QuadClass | None = Field(
        default=None, description="CAMEO QuadClass 1-4; None when negated."
    )

    @property
    def when(self) -> dt.date | None:
        """The statement's time for filters and series: the event's date when the
        sentence gives one, else the report's."""
        return self.event_date or self.date


class Actor(_Strict):
    """A state, bloc, organisation, armed group or person, by canonical ID."""

    id: str
    name: str
    kind: ActorKind
    names_de: list[str] = Field(default_factory=list)
    names_en: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    state: str | None = Field(default=None, description="For a person: the state led.")
    role: str | None = Field(default=None, description="For a person: head of state, ...")
