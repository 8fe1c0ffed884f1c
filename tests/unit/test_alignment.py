"""The alignment arithmetic on given statements (no database): periods, the decayed score,
series, an actor's counterparts and the change list, against values computed by hand.

The scenario (also in tests/api/test_alignment_api.py and the README), half-life H = 30 days:

    s1 2024-01-01 RUS PARTNERSHIP PRK  I=+8 c=1.0
    s2 2024-01-31 PRK OPPOSES     RUS  I=-4 c=0.5
    s3 2024-03-01 PRK SUPPLIES    RUS  I=+6 c=1.0
    u1 2024-01-01 RUS PARTNERSHIP USA  I=+8 c=1.0
    u2 2024-03-01 USA OPPOSES     RUS  I=-9 c=1.0
    c1 2023-12-02 CHN PARTNERSHIP RUS  I=+5 c=1.0
    c2 2024-03-01 CHN PARTNERSHIP RUS  I=+8 c=1.0
"""

from __future__ import annotations

import datetime as dt

import pytest

from graph_service.errors import InvalidParameterError
from graph_service.models import RelationType
from graph_service.services import alignment as al
from graph_service.store.records import ActorRef, ScoredStatement
from graph_service.store.rows import pair_key

D = dt.date
# The hand computations below are the plain decayed mean (prior weight K = 0);
# test_prior_weight_fades_old_evidence checks the default K = 1 on the same statements.
H30 = al.AlignmentParams(half_life_days=30.0, prior_weight=0.0)
REFS = {i: ActorRef(i, i.title(), "state") for i in ("RUS", "PRK", "USA", "CHN")}


def st(
    sid: str,
    when: dt.date,
    subject: str,
    type_: str,
    obj: str,
    intensity: float | None,
    confidence: float,
    modality: str = "asserted",
) -> ScoredStatement:
    return ScoredStatement(
        id=sid,
        type=type_,
        subject=REFS[subject],
        object=REFS[obj],
        when=when,
        confidence=confidence,
        modality=modality,
        intensity=intensity,
        key=pair_key(subject, RelationType(type_), obj),
    )


S1 = st("s1", D(2024, 1, 1), "RUS", "PARTNERSHIP", "PRK", 8.0, 1.0)
S2 = st("s2", D(2024, 1, 31), "PRK", "OPPOSES", "RUS", -4.0, 0.5)
S3 = st("s3", D(2024, 3, 1), "PRK", "SUPPLIES", "RUS", 6.0, 1.0)
U1 = st("u1", D(2024, 1, 1), "RUS", "PARTNERSHIP", "USA", 8.0, 1.0)
U2 = st("u2", D(2024, 3, 1), "USA", "OPPOSES", "RUS", -9.0, 1.0)
C1 = st("c1", D(2023, 12, 2), "CHN", "PARTNERSHIP", "RUS", 5.0, 1.0)
C2 = st("c2", D(2024, 3, 1), "CHN", "PARTNERSHIP", "RUS", 8.0, 1.0)
ALL = [C1, S1, U1, S2, S3, U2, C2]


def test_periods_are_calendar_periods_clipped_to_the_window() -> None:
    assert al.periods(D(2024, 1, 15), D(2024, 3, 1), "month") == [
        (D(2024, 1, 15), D(2024, 1, 31)),
        (D(2024, 2, 1), D(2024, 2, 29)),
        (D(2024, 3, 1), D(2024, 3, 1)),
    ]
    assert al.periods(D(2023, 11, 5), D(2024, 4, 1), "quarter") == [
        (D(2023, 11, 5), D(2023, 12, 31)),
        (D(2024, 1, 1), D(2024, 3, 31)),
        (D(2024, 4, 1), D(2024, 4, 1)),
    ]
    assert al.periods(D(2022, 6, 1), D(2023, 2, 1), "year") == [
        (D(2022, 6, 1), D(2022, 12, 31)),
        (D(2023, 1, 1), D(2023, 2, 1)),
    ]
    assert al.count_periods(D(2019, 1, 31), D(2026, 11, 1), "month") == 95
    assert al.count_periods(D(2019, 1, 31), D(2026, 11, 1), "quarter") == 32


def test_score_is_the_decayed_weighted_mean_of_intensity() -> None:
    # One statement scores its own I/10 whatever its age.
    assert al.score_at([S1], D(2030, 1, 1), H30) == pytest.approx(0.8)
    # At 2024-01-31: s1 is 30 days old (w = 0.5), s2 0 days (w = 1):
    # (0.5·1.0·0.8 + 1·0.5·(−0.4)) / (0.5·1.0 + 1·0.5) = (0.4 − 0.2) / 1.0 = 0.2
    assert al.score_at([S1, S2], D(2024, 1, 31), H30) == pytest.approx(0.2)
    # Statements after the day scored do not count.
    assert al.score_at([S1, S2], D(2024, 1, 30), H30) == pytest.approx(0.8)
    assert al.score_at([S3], D(2024, 2, 1), H30) is None
    # A speculative statement weighs half: s2 with a speculative +6 of the same day:
    # (1·0.5·(−0.4) + 0.5·1.0·0.6) / (1·0.5 + 0.5·1.0) = (−0.2 + 0.3) / 1.0 = 0.1
    spec = st("x", D(2024, 1, 31), "PRK", "SUPPLIES", "RUS", 6.0, 1.0, "speculative")
    assert al.score_at([S2, spec], D(2024, 1, 31), H30) == pytest.approx(0.1)
    # Without an intensity a statement is not scored.
    bare = st("y", D(2024, 1, 31), "PRK", "SUPPLIES", "RUS", None, 1.0)
    assert al.score_at([bare], D(2024, 1, 31), H30) is None


def test_series_of_a_pair_by_month() -> None:
    series = al.series_from(
        REFS["PRK"], REFS["RUS"], [S1, S2, S3], "month", D(2024, 1, 1), D(2024, 3, 1), H30
    )
    jan, feb, mar = series.points
    # January (ends 01-31): 0.2 as above; 2 statements, intensity 8 − 4 = 4, mean 2;
    # strongest first: |s1| = 1.0·0.8 = 0.8 before |s2| = 0.5·0.4 = 0.2.
    assert (jan.start, jan.end, jan.statements) == (D(2024, 1, 1), D(2024, 1, 31), 2)
    assert jan.score == pytest.approx(0.2)
    assert (jan.intensity_sum, jan.intensity_mean) == (4.0, 2.0)
    assert jan.evidence_ids == ["s1", "s2"]
    assert [e.contribution for e in jan.evidence] == [0.8, -0.2]
    # February: nothing new; both weights shrink by the same factor, the ratio stays 0.2.
    assert feb.score == pytest.approx(0.2)
    assert (feb.statements, feb.intensity_sum, feb.intensity_mean, feb.evidence) == (
        0,
        0.0,
        None,
        [],
    )
    # March, clipped to 03-01: s1 is 60 days old (w = 0.25), s2 30 (0.5), s3 0 (1):
    # (0.25·1.0·0.8 + 0.5·0.5·(−0.4) + 1·1.0·0.6) / (0.25·1.0 + 0.5·0.5 + 1·1.0)
    # = (0.2 − 0.1 + 0.6) / 1.5 = 0.7 / 1.5 = 0.4667
    assert (mar.start, mar.end, mar.statements, mar.scored_statements) == (
        D(2024, 3, 1),
        D(2024, 3, 1),
        1,
        3,
    )
    assert mar.score == pytest.approx(0.7 / 1.5)
    assert series.latest_score == pytest.approx(0.7 / 1.5)
    # since after the first statement: the series starts from nothing.
    later = al.series_from(
        REFS["PRK"], REFS["RUS"], [S1, S2, S3], "month", D(2024, 2, 1), D(2024, 3, 1), H30
    )
    assert [p.score for p in later.points] == [None, pytest.approx(0.6)]


def test_series_validation() -> None:
    with pytest.raises(InvalidParameterError) as bad:
        al.series_from(REFS["PRK"], REFS["RUS"], [], "week", D(2024, 1, 1), D(2024, 2, 1), H30)
    assert bad.value.field == "interval"
    with pytest.raises(InvalidParameterError) as reversed_window:
        al.series_from(REFS["PRK"], REFS["RUS"], [], "month", D(2024, 3, 1), D(2024, 2, 1), H30)
    assert reversed_window.value.field == "until"


def test_actor_alignment_closest_hostile_and_moved() -> None:
    result = al.actor_alignment_from(
        REFS["RUS"], ALL, D(2024, 3, 1), D(2024, 1, 31), top=5, params=H30
    )
    # CHN at 03-01: c1 is 90 days old (w = 0.125), c2 0 days:
    # (0.125·0.5 + 1·0.8) / (0.125 + 1) = 0.8625 / 1.125 = 0.7667; PRK 0.4667 (above);
    # USA: u1 60 days old (w = 0.25), u2 0: (0.25·0.8 − 0.9) / 1.25 = −0.7 / 1.25 = −0.56
    assert [(c.counterpart.id, round(c.score, 4)) for c in result.closest] == [
        ("CHN", 0.7667),
        ("PRK", 0.4667),
    ]
    assert [(c.counterpart.id, round(c.score, 4)) for c in result.hostile] == [("USA", -0.56)]
    assert result.closest[0].evidence_ids == ["c2", "c1"]
    # Since 01-31, before = from the statements before it: USA 0.8 → −0.56 (−1.36),
    # PRK 0.8 → 0.4667 (−0.3333), CHN 0.5 → 0.7667 (+0.2667).
    assert [(m.counterpart.id, round(m.delta, 4)) for m in result.moved] == [
        ("USA", -1.36),
        ("PRK", -0.3333),
        ("CHN", 0.2667),
    ]
    assert result.moved[1].before == pytest.approx(0.8)
    assert result.moved[1].statements_since == 2
    top1 = al.actor_alignment_from(REFS["RUS"], ALL, D(2024, 3, 1), None, top=1, params=H30)
    assert [c.counterpart.id for c in top1.closest] == ["CHN"] and top1.moved == []


def test_changes_new_strengthened_weakened_reversed() -> None:
    report = al.changes_from(ALL, D(2024, 1, 31), D(2024, 3, 1), None, H30)
    # New edges (no statement before 01-31), newest first, then by weight:
    assert [(e.source.id, e.type.value, e.target.id, e.figures.first_seen) for e in report.new] == [
        ("PRK", "SUPPLIES", "RUS", D(2024, 3, 1)),
        ("USA", "OPPOSES", "RUS", D(2024, 3, 1)),
        ("PRK", "OPPOSES", "RUS", D(2024, 1, 31)),
    ]
    supplies = report.new[0].figures
    assert (supplies.statements, supplies.weight, supplies.intensity_sum) == (1, 1.0, 6.0)
    # Pairs seen before: RUS–USA 0.8 → −0.56 reversed; CHN–RUS 0.5 → 0.7667 strengthened;
    # PRK–RUS 0.8 → 0.4667 weakened (scores as in the actor test).
    (rev,) = report.reversed
    assert (rev.a.id, rev.b.id, rev.before.score, round(rev.after.score or 0, 4)) == (
        "RUS",
        "USA",
        0.8,
        -0.56,
    )
    assert (rev.before.statements, rev.after.statements, rev.after.intensity_sum) == (1, 2, -1.0)
    assert rev.evidence_ids == ["u2"] and rev.types == ["OPPOSES"]
    (stronger,) = report.strengthened
    assert (stronger.a.id, stronger.b.id, round(stronger.delta, 4)) == ("CHN", "RUS", 0.2667)
    (weaker,) = report.weakened
    assert (weaker.a.id, weaker.b.id, round(weaker.delta, 4)) == ("PRK", "RUS", -0.3333)
    assert weaker.evidence_ids == ["s3", "s2"] and weaker.statements_in_period == 2
    # A threshold above every |delta| leaves only the new edges.
    calm = al.changes_from(
        ALL,
        D(2024, 1, 31),
        D(2024, 3, 1),
        None,
        al.AlignmentParams(30.0, change_min_delta=1.5, prior_weight=0.0),
    )
    assert (len(calm.new), calm.reversed, calm.strengthened, calm.weakened) == (3, [], [], [])
    # The named query new_edges_since is the new list as rows.
    rows = al.new_edge_rows(report, limit=2)
    assert rows == [
        {
            "source": "PRK",
            "type": "SUPPLIES",
            "target": "RUS",
            "first_seen": "2024-03-01",
            "weight": 1.0,
            "statements": 1,
        },
        {
            "source": "USA",
            "type": "OPPOSES",
            "target": "RUS",
            "first_seen": "2024-03-01",
            "weight": 1.0,
            "statements": 1,
        },
    ]


def test_extreme_dates_and_half_lives_stay_finite() -> None:
    # The last period of year 9999 ends on 9999-12-31 (no period after it).
    assert al.periods(D(9999, 11, 5), D(9999, 12, 31), "month") == [
        (D(9999, 11, 5), D(9999, 11, 30)),
        (D(9999, 12, 1), D(9999, 12, 31)),
    ]
    # A day scored millennia later, a half-life of a day: the score is still s1 and s2's
    # relative mix at s2's date (s1 30 half-lives older weighs 0.5^30 ≈ 9.3e-10): ≈ −0.4
    tiny = al.AlignmentParams(half_life_days=1.0, prior_weight=0.0)
    assert al.score_at([S1, S2], D(9999, 12, 31), tiny) == pytest.approx(-0.4, abs=1e-8)
    series = al.series_from(
        REFS["PRK"], REFS["RUS"], [S1, S2], "year", D(2024, 1, 1), D(2200, 12, 31), tiny
    )
    assert len(series.points) == 177
    assert series.points[-1].score == pytest.approx(-0.4, abs=1e-8)


def test_prior_weight_fades_old_evidence() -> None:
    """The default prior weight K = 1: score = Σ w·m·c·I/10 / (Σ w·m·c + 1), w decayed to
    the day scored, so a lone statement scores less than its I/10 and fades with age."""
    k1 = al.AlignmentParams(half_life_days=30.0, prior_weight=1.0)
    # s1 on its own day: 1·1.0·0.8 / (1·1.0 + 1) = 0.4; 30 days later (w = 0.5):
    # 0.5·0.8 / (0.5 + 1) = 0.4 / 1.5 = 0.2667; 60 days (w = 0.25): 0.2 / 1.25 = 0.16
    assert al.score_at([S1], D(2024, 1, 1), k1) == pytest.approx(0.4)
    assert al.score_at([S1], D(2024, 1, 31), k1) == pytest.approx(0.4 / 1.5)
    assert al.score_at([S1], D(2024, 3, 1), k1) == pytest.approx(0.2 / 1.25)
    series = al.series_from(
        REFS["PRK"], REFS["RUS"], [S1, S2, S3], "month", D(2024, 1, 1), D(2024, 3, 1), k1
    )
    jan, feb, mar = (p.score for p in series.points)
    # January (01-31): (0.5·0.8 − 1·0.5·0.4) / (0.5 + 0.5 + 1) = 0.2 / 2.0 = 0.1
    assert jan == pytest.approx(0.1)
    # February ends 02-29, 29 days on: both sums × f = 0.5 ** (29/30), the prior stays:
    # 0.2·f / (1.0·f + 1)
    f = 0.5 ** (29 / 30)
    assert feb == pytest.approx(0.2 * f / (1.0 * f + 1))
    # March (03-01): (0.25·0.8 − 0.5·0.5·0.4 + 1·0.6) / (0.25 + 0.25 + 1 + 1) = 0.7 / 2.5
    assert mar == pytest.approx(0.7 / 2.5)
    # The actor view and the change list divide by the same K: PRK–RUS at 03-01 = 0.28
    result = al.actor_alignment_from(REFS["RUS"], ALL, D(2024, 3, 1), None, top=5, params=k1)
    prk = next(c for c in result.closest if c.counterpart.id == "PRK")
    assert prk.score == pytest.approx(0.28)
