"""A learned ranker over candidate statements: which (subject, type, object) a sentence
states, and how sure we are.

The frames in ``rules.py`` read the grammar of a sentence; on real news many sentences
say more than the frames find (a construction no frame covers) or less (a frame fires
on a name that is only a place). The ranker sees, for every trigger, every ordered pair
of actors in the sentence (plus what the frames produced, also from earlier sentences)
and scores it by a logistic model over features that name **no word of any language**:
the trigger's class (type, subtype, frame, part of speech), the actors' positions and
distances from the trigger, the class of the preposition that marks each actor
(object, agent, partner, "between", genitive, place, source; from the lexicon's word
classes), morphology flags (adjective, genitive, demonym, origin of an item), clause
membership, negation and modality cues, and whether a frame produced the pair. So a
language added by data alone gets the ranker too.

The weights are data: ``graph_service/data/models/ranker.json``, trained by
``bench/quality/train_ranker.py`` from the committed gold of the tuning part of
``bench/quality`` and the project's own sets, never from the frozen test part. The
probability is the statement's confidence. A statement a frame made stays unless the
probability is below the model's ``keep``; one no frame made is added from ``add`` on.
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph_service.extract.lexicon import Trigger
from graph_service.extract.rules import Candidate, Group, Mention, SentenceAnalysis
from graph_service.models import RelationType

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "ranker.json"
MAX_GROUPS = 8  # actors considered per trigger: the nearest ones
# the frames read this trigger: the ranker may drop their statements but adds none
FRAME_FOUND = "frame_found"
# the grammar rules the pair out as a new statement (see ``may_add``)
NO_ADD = "no_add"


def may_add(features: dict[str, float]) -> bool:
    """May the ranker add this candidate as a statement no frame made? Pairs that the
    grammar rules out are never proposed (``_blocked``): another trigger stands between
    the actors ("condemned the attacks on Odesa": Odesa is the attack's target), an
    actor is only the origin of an item ("protect its cities from Russian drones"), or
    stands in another clause."""
    return FRAME_FOUND not in features and NO_ADD not in features


@dataclass(frozen=True, slots=True)
class RankerModel:
    weights: dict[str, float]
    bias: float
    keep: float  # a frame's statement stays unless its probability is below this
    add: float  # a candidate no frame made is added from this probability on
    # (probability, share of such statements that were right): the confidence
    calibration: tuple[tuple[float, float], ...] = ()

    def confidence(self, probability: float) -> float:
        """The calibrated confidence of a statement of this probability (piecewise
        linear between the calibration points, flat outside them)."""
        points = self.calibration
        if not points:
            return probability
        xs = [x for x, _y in points]
        at = bisect.bisect_left(xs, probability)
        if at == 0:
            return points[0][1]
        if at == len(points):
            return points[-1][1]
        (x0, y0), (x1, y1) = points[at - 1], points[at]
        return y0 if x1 == x0 else y0 + (y1 - y0) * (probability - x0) / (x1 - x0)

    def partial(self, features: dict[str, float]) -> float:
        """The features' share of the linear score (no bias)."""
        w = self.weights
        return sum(w.get(f, 0.0) * v for f, v in features.items())

    def squash(self, z: float) -> float:
        """The probability of a linear score without the bias."""
        z += self.bias
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def probability(self, features: dict[str, float]) -> float:
        return self.squash(self.partial(features))


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> RankerModel | None:
    """The shipped model, or None when there is none (then the frames alone decide)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return RankerModel(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        bias=float(data["bias"]),
        keep=float(data["keep"]),
        add=float(data["add"]),
        calibration=tuple((float(x), float(y)) for x, y in data.get("calibration") or ()),
    )


def _bucket(d: int) -> str:
    if d <= 2:
        return "0-2"
    if d <= 5:
        return "3-5"
    if d <= 10:
        return "6-10"
    return "11+"


def marker_class(sa: SentenceAnalysis, trig: Trigger, marker: str | None) -> str:
    """The role class of the preposition that marks a mention, from the lexicon."""
    if marker is None:
        return "none"
    if marker == "assoc":
        return "assoc"
    w = sa.w
    obj = trig.obj_preps or sa.lx.obj_preps.get(trig.type, frozenset())
    for name, words in (
        ("between", w.get("between_preps")),
        ("obj", obj),
        ("agent", w.get("agent_preps")),
        ("partner", w.get("partner_preps")),
        ("source", w.get("source_preps")),
        ("gen", w.get("genitive_preps")),
        ("place", w.get("place_preps")),
        ("report", w.get("report_preps")),
    ):
        if words and marker in words:
            return name
    return "other"


def _mention_flags(m: Mention) -> str:
    flags = [
        name
        for name, on in (
            ("adj", m.adj),
            ("gen", m.gen),
            ("dem", m.demonym),
            ("orig", m.origin),
            ("pro", m.pro),
            ("mod", m.mod),
        )
        if on
    ]
    if m.derived:
        flags.append(m.derived)
    return "+".join(flags) or "plain"


@dataclass(frozen=True, slots=True)
class Scored:
    """One candidate of a trigger: its features (training) or probability (extraction),
    the frame's statement if a frame made it, and whether the ranker may add it."""

    subject: str
    object: str
    features: dict[str, float] | None
    frame: Candidate | None
    probability: float | None
    addable: bool


@dataclass(slots=True)
class Side:
    """One actor of a candidate, where and how the sentence names it."""

    actor: str
    group: Group | None  # None: not named in this sentence (a frame took it from context)
    member: Mention | None


def sides(sa: SentenceAnalysis, k: int) -> list[Side]:
    """The actors named in the sentence, nearest to the trigger first."""
    out: dict[str, Side] = {}
    groups = sa.groups
    if len(groups) > MAX_GROUPS:
        groups = sorted(groups, key=lambda g: min(abs(g.i - k), abs(g.j - 1 - k)))[:MAX_GROUPS]
    for g in groups:
        for m in g.members:
            if m.actor not in out:
                out[m.actor] = Side(m.actor, g, m)
    return list(out.values())


@dataclass(slots=True)
class _SentenceFacts:
    """What the candidates of all triggers of one sentence share, computed once."""

    triggers_at: list[int]
    adverbials: list[int]
    n_actors: int
    first_group: Group | None
    flags: dict[int, str]  # id(mention) -> flags


def _facts(sa: SentenceAnalysis) -> _SentenceFacts:
    hit = sa.memo.get("ranker")
    if isinstance(hit, _SentenceFacts):
        return hit
    facts = sa.memo["ranker"] = _SentenceFacts(
        triggers_at=[x for x, readings in enumerate(sa.trig) if readings and sa.covered[x] < 0],
        adverbials=sa.adverbial_starts(),
        n_actors=min(len({m.actor for m in sa.mentions}), 5),
        first_group=sa.groups[0] if sa.groups else None,
        flags={id(m): _mention_flags(m) for m in sa.mentions},
    )
    return facts


def trigger_features(
    sa: SentenceAnalysis, k: int, trig: Trigger, negated: bool, modality: str, n_actors: int
) -> dict[str, float]:
    """What every candidate of one trigger shares."""
    t = trig.type.value[:3]
    f: dict[str, float] = {
        f"type={t}": 1.0,
        f"sub={t}:{trig.subtype}": 1.0,
        f"frame={t}:{trig.frame}": 1.0,
        f"pos={t}:{trig.pos}": 1.0,
        f"nominal={t}:{sa.nominal(k, trig)}": 1.0,
        f"modality={t}:{modality}": 1.0,
        f"n_actors={t}:{n_actors}": 1.0,
    }
    if trig.mutual:
        f["mutual"] = 1.0
    if trig.reverse:
        f[f"reverse={t}"] = 1.0
    if negated:
        f[f"negated={t}"] = 1.0
    return f


def side_features(
    sa: SentenceAnalysis,
    k: int,
    trig: Trigger,
    name: str,
    side: Side,
    clause: tuple[int, int, int, int],
    facts: _SentenceFacts,
) -> tuple[dict[str, float], str]:
    """Where and how the sentence names one actor of a candidate, and its role."""
    t = trig.type.value[:3]
    g, m = side.group, side.member
    if g is None or m is None:
        return {f"{name}_absent={t}": 1.0}, "absent"
    lo_s, hi_s, lo_h, hi_h = clause
    before = g.j <= k
    d = k - g.j + 1 if before else g.i - k
    mclass = marker_class(sa, trig, g.marker)
    where = "before" if before else "after"
    span = "soft" if lo_s <= g.i < hi_s else "hard" if lo_h <= g.i < hi_h else "out"
    f = {
        f"{name}_{where}_{mclass}={t}": 1.0,
        f"{name}_dist={t}:{where}:{_bucket(d)}": 1.0,
        f"{name}_flags={t}:{facts.flags.get(id(m)) or _mention_flags(m)}": 1.0,
        f"{name}_kind={t}:{m.kind}": 1.0,
        f"{name}_clause={t}:{span}": 1.0,
    }
    if len(g.actors) > 1:
        f[f"{name}_coordinated={t}"] = 1.0
    if before and g.i >= lo_s and sa.is_subject_candidate(g):
        first = next((x for x in sa.groups if x.i >= lo_s and x.j <= k), None)
        if first is g:
            f[f"{name}_first_before={t}"] = 1.0
    if facts.first_group is g and g.marker is None:
        f[f"{name}_sentence_first={t}"] = 1.0
    if not before and g.marker is None:
        nxt = next((x for x in sa.groups if x.i > k), None)
        if nxt is g:
            f[f"{name}_first_after={t}"] = 1.0
    return f, f"{where}:{mclass}"


def pair_features(
    sa: SentenceAnalysis,
    k: int,
    trig: Trigger,
    a: Side,
    b: Side,
    roles: tuple[str, str],
    rule: Candidate | None,
    reverse_rule: bool,
    frame_found: bool,
    triggers_at: list[int],
) -> dict[str, float]:
    """What depends on both actors of a candidate, and on the frames' view of it."""
    t = trig.type.value[:3]
    f: dict[str, float] = {f"roles={t}:{roles[0]}|{roles[1]}": 1.0}
    if trig.type is not RelationType.PARTNERSHIP:
        f[f"roles_frame={t}:{trig.frame}:{roles[0]}|{roles[1]}"] = 1.0
    if rule is not None:
        f[f"rule={t}"] = 1.0
        f[f"rule_conf={t}"] = rule.confidence
        f[f"rule_kind={t}:{rule.rule.split(':', 1)[-1].split('+')[0]}"] = 1.0
    if reverse_rule:
        f[f"rule_reversed={t}"] = 1.0
    if frame_found or not trig.rankable:
        f[FRAME_FOUND] = 1.0
    if a.group is not None and a.group is b.group:
        f[f"same_group={t}"] = 1.0
    if a.group is not None and b.group is not None:
        lo = min(a.group.i, b.group.i, k)
        hi = max(a.group.j, b.group.j, k + 1)
        if any(lo <= x < hi and x != k for x in triggers_at):
            f[f"other_trigger_between={t}"] = 1.0
    return f


def _blocked(
    sa: SentenceAnalysis,
    k: int,
    trig: Trigger,
    a: Side,
    b: Side,
    hard: tuple[int, int],
    triggers_at: list[int],
    adverbials: list[int],
) -> bool:
    """May this pair not become a statement no frame made? (see NO_ADD)"""
    ga, gb = a.group, b.group
    if ga is None or gb is None:
        return True
    lo_h, hi_h = hard
    if not (lo_h <= ga.i < hi_h and lo_h <= gb.i < hi_h):
        return True  # another clause ("struck positions in Lebanon after the ...")
    if trig.type is not RelationType.SUPPLIES and (
        (a.member is not None and a.member.origin) or (b.member is not None and b.member.origin)
    ):
        return True  # only the origin of an item ("from Russian drones")
    if trig.type is not RelationType.PARTNERSHIP and ga is gb:
        return True  # "The Philippines and Japan ... amid tensions": one side, coordinated
    lo = min(ga.i, gb.i, k)
    hi = max(ga.j, gb.j, k + 1)
    if any(lo <= x < hi and x != k for x in triggers_at):
        return True  # "condemned the attacks on Odesa": the attack's target
    return any(lo < x < hi for x in adverbials)


def candidates(
    sa: SentenceAnalysis,
    k: int,
    trig: Trigger,
    rule_cands: list[Candidate],
    every_pair: bool = False,
    model: RankerModel | None = None,
    limit: int | None = None,
) -> Iterator[Scored]:
    """(subject, object, features, frame candidate or None) for one trigger: the frames'
    statements when they read the trigger (the ranker vets them), else every pair of
    actors of the sentence that the grammar allows (the ranker may add them). Training
    asks for ``every_pair``: all pairs, the ones the extractor never proposes marked
    (NO_ADD, FRAME_FOUND), so the model learns from the whole sentence. With ``model``
    the probability is computed from cached partial sums and no feature dict is built
    (the extractor's fast path). ``limit`` bounds the pairs scored (list x list attacks)."""
    if not rule_cands and len(sa.groups) < 2 and not any(len(g.actors) > 1 for g in sa.groups):
        return  # fewer than two actors: no pair to propose
    lo_s, hi_s = sa.clause_bounds(k, soft=True)
    lo_h, hi_h = sa.clause_bounds(k, soft=False)
    named = sides(sa, k)
    by_actor = {s.actor: s for s in named}
    symmetric = trig.type is RelationType.PARTNERSHIP
    pairs: list[tuple[Side, Side, Candidate | None, bool]] = []  # (a, b, frame, blocked)
    done: set[tuple[str, str]] = set()
    for c in rule_cands:
        if (c.subject, c.object) in done:
            continue
        done.add((c.subject, c.object))
        if symmetric:
            done.add((c.object, c.subject))
        a = by_actor.get(c.subject) or Side(c.subject, None, None)
        b = by_actor.get(c.object) or Side(c.object, None, None)
        pairs.append((a, b, c, False))
    facts = _facts(sa)
    triggers_at = facts.triggers_at
    if every_pair or not rule_cands:
        adverbials = facts.adverbials
        for x, a in enumerate(named):
            for y, b in enumerate(named):
                if x == y or (symmetric and y < x) or (a.actor, b.actor) in done:
                    continue
                blocked = _blocked(sa, k, trig, a, b, (lo_h, hi_h), triggers_at, adverbials)
                if every_pair or not blocked:
                    pairs.append((a, b, None, blocked))
    if limit is not None:
        del pairs[limit:]
    if not pairs:
        return
    negated = sa.negated(k, lo_s, hi_s, lo_h, cues=trig.subtype != "demand")
    modality, _who, _factor = sa.modality(k, lo_h, hi_h)
    common = trigger_features(sa, k, trig, negated, modality.value, facts.n_actors)
    clause = (lo_s, hi_s, lo_h, hi_h)
    reversed_pairs = {(c.object, c.subject) for c in rule_cands}
    side_cache: dict[tuple[str, str], tuple[dict[str, float], str, float]] = {}
    common_z = model.partial(common) if model is not None else 0.0
    for a, b, rule, blocked in pairs:
        parts = []
        for name, side in (("a", a), ("b", b)):
            hit = side_cache.get((name, side.actor))
            if hit is None:
                feats_side, role = side_features(sa, k, trig, name, side, clause, facts)
                z = model.partial(feats_side) if model is not None else 0.0
                hit = side_cache[(name, side.actor)] = (feats_side, role, z)
            parts.append(hit)
        rev = (not symmetric) and (a.actor, b.actor) in reversed_pairs
        pair = pair_features(
            sa,
            k,
            trig,
            a,
            b,
            (parts[0][1], parts[1][1]),
            rule,
            rev,
            bool(rule_cands),
            triggers_at,
        )
        addable = (
            not blocked
            and not rule_cands
            and trig.rankable
            and (
                trig.object_kinds is None or b.member is None or b.member.kind in trig.object_kinds
            )
        )
        if model is not None:
            z = common_z + parts[0][2] + parts[1][2] + model.partial(pair)
            if blocked:
                z += model.weights.get(NO_ADD, 0.0)
            yield Scored(a.actor, b.actor, None, rule, model.squash(z), addable)
            continue
        feats = {**common, **parts[0][0], **parts[1][0], **pair}
        if blocked:
            feats[NO_ADD] = 1.0
        yield Scored(a.actor, b.actor, feats, rule, None, addable)
