"""extract_statements: document -> statements (read -> language -> sentences ->
mentions -> relations -> cues)."""

from __future__ import annotations

import logging
from functools import lru_cache

from graph_service.extract.langid import detect_language
from graph_service.extract.lexicon import (
    RULE_LANGUAGES,
    Language,
    _base_actors,
    fold,
    language,
    person_names,
)
from graph_service.extract.rules import Candidate, Discourse, SentenceAnalysis
from graph_service.extract.text import split_sentences, tokenize
from graph_service.models import ActorKind, Document, Statement

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


def extract_statements(document: Document) -> list[Statement]:
    """The alignment statements a document states, in text order."""
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
    for index, sentence in enumerate(split_sentences(text, lx.abbreviations)):
        if sentence.end - sentence.start > MAX_SENTENCE_CHARS:
            continue
        tokens = tokenize(sentence.text, offset=sentence.start)
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
    statements: list[Statement] = []
    for index, sa, start, end in analysed:
        best: dict[tuple[str, str, str, bool], Candidate] = {}
        for k, trig in sa.triggers():
            for cand in sa.analyse(k, trig):
                key = (cand.subject, cand.type.value, cand.object, cand.negated)
                if key not in best or best[key].confidence < cand.confidence:
                    best[key] = cand
        for cand in best.values():
            if cand.subtype == "attack" and not cand.negated:
                discourse.last_attacker = cand.subject
            if not cand.negated:
                discourse.facts.append((cand.subject, cand.type.value, cand.subtype, cand.object))
            confidence = cand.confidence * (0.5 if distractor else 1.0)
            if confidence < MIN_CONFIDENCE:
                continue
            statements.append(
                Statement(
                    path=document.path,
                    subject=cand.subject,
                    type=cand.type,
                    object=cand.object,
                    evidence=text[start:end],
                    confidence=round(confidence, 3),
                    subtype=cand.subtype or None,
                    items=cand.items,
                    negated=cand.negated,
                    modality=cand.modality,
                    attributed_to=cand.attributed_to,
                    lang=lang_code,
                    date=document.date,
                    span=(start, end),
                    rule=cand.rule,
                    sentence_index=index,
                )
            )
    log.debug("%s: %d statements (%s)", document.path, len(statements), lang_code)
    return statements


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
    sa = SentenceAnalysis(tokenize(title[:300]), lx, kinds, discourse, -1)
    sa.find_mentions()
    for m in sa.mentions:
        discourse.title_weight[m.actor] = discourse.title_weight.get(m.actor, 0.0) + 2.0
        discourse.kind_of[m.actor] = m.kind
