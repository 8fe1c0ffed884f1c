"""Domain models shared by every layer: documents, statements, actors, edges.

These are the boundary types: the extractor returns them, the store consumes and
returns them, the API maps them to its public models.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

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
