"""extract_statements: document -> statements (read -> language -> sentences ->
mentions -> relations -> cues)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from functools import lru_cache

from graph_service.config import get_settings
from graph_service.errors import ExtractionTimeLimitError
from graph_service.extract import event_dates, ranker
from graph_service.extract.intensity import intensity_of
from graph_service.extract.langid import detect_language
from graph_service.extract.lexicon import (
    RULE_LANGUAGES,
    Language,
    Trigger,
    _base_actors,
    fold,
    language,
    person_names,
)
from graph_service.extract.rules import Candidate, Discourse, SentenceAnalysis
from graph_service.extract.text import Token, split_sentences, tokenize
from graph_service.models import ActorKind, DateKind, Document, RelationType, Statement

log = logging.getLogger(__name__)

MIN_CONFIDENCE = 0.45
MAX_SENTENCE_CHARS = 2000
DISTRACTOR_SHARE = 0.012  # sports/weather vocabulary share above which a text is a distractor


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    kinds: dict[str, str] = {}
    for aid, info in _base_actors().items():
        if info.kind is not ActorKind.PERSON:
            kinds[aid] = info.kind.value
    return kinds


def document_language(document: Document) -> str:
    if document.lang:
        return document.lang.lower().split("-")[0]
    return detect_language(document.text)


@dataclass(slots=True)
class Proposal:
    """One candidate statement of one trigger in one sentence: what the frames said
    (``frame``) or the pair the ranker may add, and the features it is scored on."""

    index: int
    start: int
    end: int
    subject: str
    object: str
    type: RelationType
    frame: Candidate | None
    features: dict[str, float] | None
    origin: tuple[SentenceAnalysis, int, Trigger] | None = None  # to build a new one
    probability: float | None = None  # the ranker's, on the extractor's fast path
    addable: bool = False  # the ranker may add it (no frame read the trigger)

    @property
    def negated(self) -> bool:
        if self.frame is not None:
            return self.frame.negated
        if self.features is None:
            return self.candidate().negated
        return any(f.startswith("negated=") for f in self.features)

    def candidate(self) -> Candidate:
        if self.frame is not None:
            return self.frame
        assert self.origin is not None
        sa, k, trig = self.origin
        return _ranker_candidate(sa, k, trig, self.subject, self.object)


def _ranker_candidate(
    sa: SentenceAnalysis, k: int, trig: Trigger, subject: str, obj: str
) -> Candidate:
    """A statement the frames did not make: its cues come from the trigger's clause."""
    lo_s, hi_s = sa.clause_bounds(k, soft=True)
    lo_h, hi_h = sa.clause_bounds(k, soft=False)
    modality, attributed, _factor = sa.modality(k, lo_h, hi_h)
    items, subtype = sa.items_and_subtype(k, trig, lo_h, hi_h)
    return Candidate(
        subject=subject,
        object=obj,
        type=trig.type,
        subtype=subtype,
        confidence=0.0,
        rule=sa.rule_name(k, trig, "ranker"),
        items=items,
        negated=sa.negated(k, lo_s, hi_s, lo_h, cues=trig.subtype != "demand"),
        modality=modality,
        attributed_to=attributed,
    )


def propose(
    document: Document,
    with_features: bool,
    every_pair: bool = False,
    model: ranker.RankerModel | None = None,
    time_limit: float | None = None,
) -> tuple[list[Proposal], bool, str]:
    """Every candidate statement of a document in text order, with the ranker's features
    when asked (``every_pair``: also the pairs the extractor would not propose, for
    training); and whether the document reads as a distractor, and its language.
    ``time_limit`` (seconds of CPU time of this thread) bounds what one request may cost:
    past it, ExtractionTimeLimitError."""
    started = time.thread_time()
    lang_code = document_language(document)
    lx = language(lang_code if lang_code in RULE_LANGUAGES else lang_code or "en")
    kinds = _kinds()
    text = document.text
    discourse = Discourse()
    if document.title:
        _remember_title(discourse, document.title, lx, kinds)
    distractor_words = lx.w.get("distractor", frozenset())
    n_words = 0
    n_distractor = 0
    analysed: list[tuple[int, SentenceAnalysis, int, int]] = []
    title = (document.title or "").strip()
    if title and title[:40] not in text[:400]:
        # a headline states the story's main relation ("US sanctions Rwanda's army over
        # M23 support"); it is read as a sentence of its own, before the text (index -1,
        # no span: its evidence is the title)
        sa = SentenceAnalysis(_tokens(title[:MAX_SENTENCE_CHARS], lx), lx, kinds, discourse, -1)
        sa.find_mentions()
        sa.resolve_references()
        if sa.mentions and sa.has_trigger_word():
            sa.analyse_structure()
            analysed.append((-1, sa, -1, -1))
    for index, sentence in enumerate(split_sentences(text, lx.abbreviations)):
        if sentence.end - sentence.start > MAX_SENTENCE_CHARS:
            continue
        _check_time(started, time_limit, index)
        tokens = _tokens(sentence.text, lx, sentence.start)
        n_words += len(tokens)
        sa = SentenceAnalysis(tokens, lx, kinds, discourse, index)
        n_distractor += sum(map(distractor_words.__contains__, sa.lows))
        sa.find_mentions()
        sa.resolve_references()
        if sa.mentions:
            if sa.has_trigger_word():
                sa.analyse_structure()
                analysed.append((index, sa, sentence.start, sentence.end))
            else:
                sa.build_groups()  # lists are antecedents of "the two countries"
            _remember(discourse, sa, index)
    distractor = n_words > 0 and n_distractor / n_words > DISTRACTOR_SHARE
    proposals: list[Proposal] = []
    # a sentence listing 30 states that supply 30 others is an attack, not news: its
    # pairs are bounded before they are scored (the caps in extract_statements keep
    # the most confident of what is left)
    settings = get_settings()
    pair_budget = 2 * settings.max_statements_per_sentence
    document_budget = 4 * settings.max_statements_per_document
    for index, sa, start, end in analysed:
        _check_time(started, time_limit, index)
        if len(proposals) >= document_budget and not every_pair:
            log.warning(
                "%s: more than %d candidate statements; the rest of the text is not read",
                document.path,
                document_budget,
            )
            break
        best: dict[tuple[str, str, str, bool], Candidate] = {}
        sentence_start = len(proposals)
        for k, trig in sa.triggers():
            if len(proposals) - sentence_start >= pair_budget:
                break
            found = sa.analyse(k, trig)
            for cand in found:
                key = (cand.subject, cand.type.value, cand.object, cand.negated)
                if key not in best or best[key].confidence < cand.confidence:
                    best[key] = cand
            if not with_features and model is None:
                continue
            budget = None if every_pair else pair_budget - (len(proposals) - sentence_start)
            for sc in ranker.candidates(sa, k, trig, found, every_pair, model, budget):
                proposals.append(
                    Proposal(
                        index,
                        start,
                        end,
                        sc.subject,
                        sc.object,
                        trig.type,
                        sc.frame,
                        sc.features,
                        (sa, k, trig),
                        sc.probability,
                        sc.addable,
                    )
                )
        for cand in best.values():
            if cand.subtype == "attack" and not cand.negated:
                discourse.last_attacker = cand.subject
            if not cand.negated:
                discourse.facts.append((cand.subject, cand.type.value, cand.subtype, cand.object))
            if not with_features and model is None:
                proposals.append(
                    Proposal(index, start, end, cand.subject, cand.object, cand.type, cand, None)
                )
    return proposals, distractor, lang_code


def _check_time(started: float, time_limit: float | None, index: int) -> None:
    if time_limit is not None and time.thread_time() - started > time_limit:
        raise ExtractionTimeLimitError(
            f"the text took more than {time_limit:g} s of CPU time to analyse "
            f"(stopped at sentence {index + 1}); send it in smaller documents",
            field="text",
        )


def extract_statements(document: Document, time_limit: float | None = None) -> list[Statement]:
    """The alignment statements a document states, in text order. With the shipped
    ranker model every candidate is scored by it (its probability is the confidence);
    without one, the frames' own confidences decide. ``time_limit``: see propose()."""
    model = ranker.load_model()
    proposals, distractor, lang_code = propose(
        document, with_features=False, model=model, time_limit=time_limit
    )
    factor = 0.5 if distractor else 1.0
    chosen: dict[tuple[int, str, str, str, bool], tuple[float, Proposal]] = {}
    for p in proposals:
        c = p.frame
        if model is not None and p.probability is not None:
            probability = p.probability * factor
            framed = c is not None and c.confidence * factor >= MIN_CONFIDENCE
            # where the frames read the trigger, the ranker only vets; elsewhere it adds
            free = p.addable
            if not ((framed and probability >= model.keep) or (free and probability >= model.add)):
                continue
            confidence = model.confidence(probability)
        else:
            assert c is not None
            confidence = c.confidence * factor
            if confidence < MIN_CONFIDENCE:
                continue
        subject, obj = p.subject, p.object
        if model is not None and p.type is RelationType.PARTNERSHIP and obj < subject:
            subject, obj = obj, subject  # one statement per unordered pair and sentence
        key = (p.index, subject, p.type.value, obj, model is None and p.negated)
        if key not in chosen or chosen[key][0] < confidence:
            chosen[key] = (confidence, p)
    text = document.text
    title = (document.title or "").strip()
    statements = []
    times = _Times(document, lang_code)
    for confidence, p in _capped(list(chosen.values()), document.path):
        c = p.candidate()
        when = times.of(p)
        strength = intensity_of(c.type, c.subtype or None, c.negated)
        statements.append(
            Statement(
                path=document.path,
                subject=c.subject,
                type=c.type,
                object=c.object,
                evidence=text[p.start : p.end] if p.start >= 0 else title,
                confidence=round(min(confidence, 1.0), 3),
                subtype=c.subtype or None,
                items=c.items,
                negated=c.negated,
                modality=c.modality,
                attributed_to=c.attributed_to,
                lang=lang_code,
                date=document.date,
                span=(p.start, p.end) if p.start >= 0 else None,
                rule=c.rule,
                sentence_index=p.index if p.start >= 0 else None,
                date_kind=when.kind if when else DateKind.REPORTED if document.date else None,
                event_date=when.first if when else None,
                event_date_end=when.last if when else None,
                date_text=when.text if when else None,
                intensity=strength[0] if strength else None,
                quad_class=strength[1] if strength else None,
            )
        )
    log.debug("%s: %d statements (%s)", document.path, len(statements), lang_code)
    return statements


class _Times:
    """The event dates of a document's sentences (extract/event_dates.py), read once per
    sentence that gave a statement, and the one that dates each statement."""

    def __init__(self, document: Document, lang: str) -> None:
        self.document = document
        self.lang = lang
        self.spans: dict[int, list[event_dates.DateSpan]] = {}

    def of(self, p: Proposal) -> event_dates.DateSpan | None:
        spans = self.spans.get(p.index)
        if spans is None:
            doc = self.document
            if p.start >= 0:
                text, offset = doc.text[p.start : p.end], p.start
            else:
                text, offset = (doc.title or "").strip()[:MAX_SENTENCE_CHARS], 0
            spans = event_dates.find_dates(text, self.lang, doc.date, offset)
            self.spans[p.index] = spans
        if not spans:
            return None
        if p.origin is None:  # no trigger position (frames only): the sentence's opening
            return spans[0] if spans[0].initial else None
        sa, k, _trig = p.origin
        lo, hi = sa.clause_bounds(k, soft=True)
        return event_dates.date_for(spans, sa.t[lo].start, sa.t[hi - 1].end, sa.t[k].start)


def _capped(chosen: list[tuple[float, Proposal]], path: str) -> list[tuple[float, Proposal]]:
    """The statements in text order, at most the configured number per sentence and per
    document (the most confident ones): list x list sentences cannot amplify a request."""
    settings = get_settings()
    per_sentence: dict[int, list[tuple[float, Proposal]]] = {}
    for cp in chosen:
        per_sentence.setdefault(cp[1].index, []).append(cp)
    kept: list[tuple[float, Proposal]] = []
    dropped = 0
    for rows in per_sentence.values():
        if len(rows) > settings.max_statements_per_sentence:
            ranked = sorted(rows, key=lambda cp: -cp[0])
            dropped += len(rows) - settings.max_statements_per_sentence
            rows = ranked[: settings.max_statements_per_sentence]
        kept.extend(rows)
    if len(kept) > settings.max_statements_per_document:
        dropped += len(kept) - settings.max_statements_per_document
        kept = sorted(kept, key=lambda cp: -cp[0])[: settings.max_statements_per_document]
    if dropped:
        log.warning(
            "%s: %d statements over the caps (%d a sentence, %d a document) dropped",
            path,
            dropped,
            settings.max_statements_per_sentence,
            settings.max_statements_per_document,
        )
    order = {id(cp[1]): n for n, cp in enumerate(chosen)}
    return sorted(kept, key=lambda cp: (cp[1].index, order[id(cp[1])]))


def _tokens(text: str, lx: Language, offset: int = 0) -> list[Token]:
    """Tokens of a sentence or title; in a lemmatised language (``features.lemmatizer``)
    each ``low`` becomes its lemma, while ``text`` and the spans stay verbatim."""
    tokens = tokenize(text, offset)
    normalize = lx.normalize
    if normalize is not None:
        for tok in tokens:
            tok.low = normalize(tok.low)
    return tokens


@lru_cache(maxsize=50_000)
def _folded(text: str) -> str:
    return fold(text)


def _remember(discourse: Discourse, sa: SentenceAnalysis, index: int) -> None:
    for m in sa.mentions:
        if m.marker is None and not m.adj and not m.origin:
            # the first unmarked mention: is it a known person (or "he" for one)?
            if (not m.derived and _folded(m.text) in person_names()) or (
                m.derived == "pronoun" and m.text.lower() in sa.w.get("singular_pronouns", ())
            ):
                discourse.person_subject[index] = m.actor
            break
    for m in sa.mentions:
        if m.derived in ("coref", "pronoun"):
            continue
        discourse.recent.append((m.actor, m.kind, index))
        # adjectives ("Venezuelan oil") say less about the topic than names do
        discourse.named.append((m.actor, m.kind, index, 0.5 if m.adj else 1.0))
        discourse.kind_of[m.actor] = m.kind
    for g in sa.groups:
        actors = tuple(g.actors)
        if len(actors) >= 2 and not any(m.derived for m in g.members):
            discourse.groups.append((actors, index))
    if len(discourse.named) > 2000:
        del discourse.named[:1000]
    if len(discourse.recent) > 400:
        del discourse.recent[:200]
    if len(discourse.groups) > 100:
        del discourse.groups[:50]


def _remember_title(discourse: Discourse, title: str, lx: Language, kinds: dict[str, str]) -> None:
    """Actors named in the title are the document's topic: they count double."""
    sa = SentenceAnalysis(_tokens(title[:300], lx), lx, kinds, discourse, -1)
    sa.find_mentions()
    for m in sa.mentions:
        discourse.title_weight[m.actor] = discourse.title_weight.get(m.actor, 0.0) + 2.0
        discourse.kind_of[m.actor] = m.kind
