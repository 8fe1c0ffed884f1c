"""Public models of the alignment endpoints (issue 13): a pair's series, an actor's
counterparts, what changed. Mapped from :mod:`graph_service.services.alignment`."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from graph_service.api.schemas import ActorRefPublic, DocumentRefPublic, _FromRecord, _Public
from graph_service.services import alignment as al

SCORE_DESCRIPTION = (
    "Alignment score in [-1, 1]: the mean of intensity/10 over the statements so far, "
    "weighted by confidence, modality (speculative 0.5) and a half-life decay; null while "
    "no statement has been scored. See README, 'Alignment over time'."
)


class EvidencePublic(_FromRecord):
    statement_id: str = Field(examples=["st_3f9a0c1d2e4b5a6978c0d1e2"])
    type: str = Field(examples=["SUPPLIES"])
    subject: ActorRefPublic
    object: ActorRefPublic
    sentence: str = Field(
        description="The evidence sentence, verbatim.",
        examples=["Nordkorea liefert Artilleriemunition an Russland."],
    )
    when: dt.date = Field(description="The statement's time (event date, else report date).")
    confidence: float = Field(examples=[0.85])
    modality: str = Field(examples=["asserted"])
    intensity: float | None = Field(description="Goldstein scale, -10 … +10.", examples=[7.0])
    contribution: float = Field(
        description="modality weight × confidence × intensity/10: the statement's signed "
        "strength before decay (evidence is listed by its absolute value).",
        examples=[0.595],
    )
    document: DocumentRefPublic | None = None


class SeriesPointPublic(_Public):
    start: dt.date = Field(description="First day of the period (clipped to since).")
    end: dt.date = Field(description="Last day of the period (clipped to until); scored on it.")
    score: float | None = Field(description=SCORE_DESCRIPTION, examples=[0.4667])
    statements: int = Field(description="Statements in this period.", examples=[2])
    intensity_statements: int = Field(description="Those of them with an intensity.")
    intensity_sum: float = Field(description="Sum of their intensities.", examples=[4.0])
    intensity_mean: float | None = Field(description="Mean of their intensities.")
    scored_statements: int = Field(
        description="Statements the score rests on (since `since`, up to `end`)."
    )
    evidence_ids: list[str] = Field(description="The period's strongest statements.")
    evidence: list[EvidencePublic] = Field(description="The same statements with sentences.")

    @classmethod
    def of(cls, point: al.SeriesPoint) -> SeriesPointPublic:
        return cls(
            start=point.start,
            end=point.end,
            score=point.score,
            statements=point.statements,
            intensity_statements=point.intensity_statements,
            intensity_sum=point.intensity_sum,
            intensity_mean=point.intensity_mean,
            scored_statements=point.scored_statements,
            evidence_ids=point.evidence_ids,
            evidence=[EvidencePublic.of(e) for e in point.evidence],
        )


class PairSeriesPublic(_Public):
    a: ActorRefPublic
    b: ActorRefPublic
    interval: Literal["month", "quarter", "year"]
    since: dt.date = Field(description="First day of the series (default: first statement).")
    until: dt.date = Field(description="Last day of the series (default: today).")
    half_life_days: float = Field(description="Half-life of the decay.", examples=[180.0])
    statements: int = Field(description="Statements between the two in the series.")
    latest_score: float | None = Field(description="Score at `until`.")
    points: list[SeriesPointPublic]

    @classmethod
    def of(cls, series: al.PairSeries) -> PairSeriesPublic:
        return cls(
            a=ActorRefPublic.of(series.a),
            b=ActorRefPublic.of(series.b),
            interval=series.interval,
            since=series.since,
            until=series.until,
            half_life_days=series.half_life_days,
            statements=series.statements,
            latest_score=series.latest_score,
            points=[SeriesPointPublic.of(p) for p in series.points],
        )


class CounterpartScorePublic(_FromRecord):
    counterpart: ActorRefPublic
    score: float = Field(description=SCORE_DESCRIPTION, examples=[0.7667])
    statements: int = Field(description="Statements between the two up to as_of.")
    last_seen: dt.date
    evidence_ids: list[str] = Field(description="Strongest statements, decayed to as_of.")


class MovementPublic(_FromRecord):
    counterpart: ActorRefPublic
    before: float | None = Field(
        description="Score at `since` from the statements before it (null: none)."
    )
    after: float | None = Field(description="Score at `as_of`.")
    delta: float = Field(description="after − (before, or 0 when null).", examples=[-1.36])
    statements_since: int
    evidence_ids: list[str] = Field(description="Strongest statements since `since`.")


class ActorAlignmentPublic(_FromRecord):
    actor: ActorRefPublic
    as_of: dt.date = Field(description="The day scored ('now'; the `until` parameter).")
    since: dt.date | None = Field(description="From when `moved` measures.")
    closest: list[CounterpartScorePublic] = Field(description="Highest positive scores.")
    hostile: list[CounterpartScorePublic] = Field(description="Lowest negative scores.")
    moved: list[MovementPublic] = Field(
        description="Largest |delta| since `since` (empty without since)."
    )


class EdgeFiguresPublic(_FromRecord):
    statements: int
    weight: float = Field(description="Summed confidence.")
    intensity_statements: int
    intensity_sum: float
    intensity_mean: float | None
    first_seen: dt.date
    last_seen: dt.date


class NewEdgePublic(_FromRecord):
    type: str = Field(examples=["SUPPLIES"])
    source: ActorRefPublic
    target: ActorRefPublic
    figures: EdgeFiguresPublic = Field(description="The edge up to until.")
    evidence_ids: list[str]


class PairFiguresPublic(_FromRecord):
    score: float | None = Field(description=SCORE_DESCRIPTION)
    statements: int
    intensity_statements: int
    intensity_sum: float
    intensity_mean: float | None


class PairChangePublic(_FromRecord):
    kind: Literal["strengthened", "weakened", "reversed"]
    a: ActorRefPublic
    b: ActorRefPublic
    before: PairFiguresPublic = Field(description="At `since`, from the statements before.")
    after: PairFiguresPublic = Field(description="At `until`, from every statement so far.")
    delta: float = Field(description="after.score − before.score.", examples=[-1.36])
    types: list[str] = Field(description="Relation types of the period's statements.")
    statements_in_period: int
    evidence_ids: list[str] = Field(description="The period's strongest statements.")


class ChangesPublic(_Public):
    since: dt.date
    until: dt.date | None
    actor: str | None
    new: list[NewEdgePublic] = Field(description="Edges first seen in the period.")
    strengthened: list[PairChangePublic]
    weakened: list[PairChangePublic]
    reversed: list[PairChangePublic] = Field(
        description="Pairs whose score changed sign (partnership ↔ opposition)."
    )
    truncated: bool = Field(description="Some list was cut at `limit`.")

    @classmethod
    def of(cls, report: al.Changes, limit: int) -> ChangesPublic:
        lists = (report.new, report.strengthened, report.weakened, report.reversed)
        return cls(
            since=report.since,
            until=report.until,
            actor=report.actor,
            new=[NewEdgePublic.of(e) for e in report.new[:limit]],
            strengthened=[PairChangePublic.of(c) for c in report.strengthened[:limit]],
            weakened=[PairChangePublic.of(c) for c in report.weakened[:limit]],
            reversed=[PairChangePublic.of(c) for c in report.reversed[:limit]],
            truncated=any(len(items) > limit for items in lists),
        )
