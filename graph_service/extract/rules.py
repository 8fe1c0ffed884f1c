"""Relation rules: actor mentions + trigger words + argument cues -> statements.

For each sentence the engine finds actor mentions (longest match over the lexicon's
surface forms), resolves "beide Staaten" / "the two countries", plural pronouns and
anaphoric nouns ("die Miliz", "the country") against the recent discourse, marks
each mention with the preposition that governs it, groups coordinated mentions
("Russland, China, Iran und Nordkorea") and then, for each trigger word, finds the
acting side and the other side from grammatical cues:

* prepositions and case markers (``gegen X``, ``an X``, ``against X``, ``to X``),
* voice (passive auxiliaries + participle: agent from ``von/by``),
* attachment to the trigger noun (``Russlands Überfall``, ``russische Angriffe``,
  ``Iran-backed``, ``invasion of X``),
* position (clause subject left of the trigger, V2 inversion, verb-final clauses),
* origin of supplied items (``nordkoreanische Raketen ... eingesetzt``).

Negation, denial, speculation and attribution cues in the clause set ``negated``,
``modality`` and ``attributed_to``. Every candidate carries the rule that made it and
a confidence from trigger strength, argument evidence and modality.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph_service.extract.lexicon import Form, Language, Trigger, actor_owners, region_members
from graph_service.extract.text import Token
from graph_service.models import Modality, RelationType

PUNCT_HARD = frozenset(";:–—()[]|")
QUOTES = frozenset("\"'«»„“”‚‘’›‹")
STATE_LIKE = frozenset({"state", "bloc", "group"})
NP_RULES = ("pre-modifier", "post-adjective", "post-genitive", "compound-agent")
_OPENING = frozenset({"(", "[", "„", "“", '"', "«", "‚", "‘"})
_CLOSING = frozenset({")", "]", "“", "”", '"', "»", "‘", "’"})
_CENTURIES = frozenset({"19", "20"})  # a four-digit number starting so is a year


def _is_year(low: str) -> bool:
    return len(low) == 4 and low.isdigit() and low[:2] in _CENTURIES


# agents found from the sentence's grammar (not from a fallback guess): only these
# take the other side from the discourse
STRONG_AGENT_RULES = frozenset(
    {
        "clause-subject",
        "pre-modifier",
        "compound-agent",
        "inverted-subject",
        "passive-agent",
        "head-before-embedded",
    }
)


@dataclass(slots=True)
class Mention:
    i: int
    j: int  # token span [i, j)
    actor: str
    kind: str  # state | bloc | group | organization (kind of the actor)
    adj: bool = False
    gen: bool = False
    mod: bool = False  # first part of a hyphen compound ("Iran-backed", "Nato-Mitglied")
    pro: bool = False  # "proiranisch", "pro-Russian"
    demonym: bool = False
    derived: str = ""  # coref | pronoun | anaphor | possessive
    marker: str | None = None
    marker_pos: int = -1
    group: int = -1
    origin: bool = False  # modifies a supplied item ("nordkoreanische Raketen")
    text: str = ""


@dataclass(slots=True)
class Candidate:
    subject: str
    object: str
    type: RelationType
    subtype: str
    confidence: float
    rule: str
    items: list[str] = field(default_factory=list)
    negated: bool = False
    modality: Modality = Modality.ASSERTED
    attributed_to: str | None = None


@dataclass(slots=True)
class Group:
    idx: int
    members: list[Mention]  # fixed once the group is built
    i: int = field(init=False)
    j: int = field(init=False)
    actors: list[str] = field(init=False)  # distinct actors, in order
    # computed once: groups are built after the mentions' origin and pro flags are set
    is_origin: bool = field(init=False)
    is_pro: bool = field(init=False)

    def __post_init__(self) -> None:
        members = self.members
        self.i = members[0].i
        self.j = members[-1].j
        self.actors = list(dict.fromkeys(m.actor for m in members))
        self.is_origin = any(m.origin for m in members)
        self.is_pro = any(m.pro for m in members)

    @property
    def marker(self) -> str | None:
        return self.members[0].marker

    @property
    def is_modifier(self) -> bool:
        return all(m.adj or m.gen or m.mod for m in self.members)


class Discourse:
    """What the document has said so far: for coreference across sentences."""

    def __init__(self) -> None:
        self.recent: list[tuple[str, str, int]] = []  # (actor, kind, sentence)
        self.title_weight: dict[str, float] = {}
        self.named: list[tuple[str, str, int, float]] = []  # (actor, kind, sentence, weight)
        self.groups: list[tuple[tuple[str, ...], int]] = []  # coordinated lists
        self.last_attacker: str | None = None  # agent of the last attack statement
        # salience: how often (and how recently) each actor was named, the title counting
        # double; the document's topic when a trigger has only one argument
        self.kind_of: dict[str, str] = {}
        # statements already made: (subject, type, subtype, object), in text order
        self.facts: list[tuple[str, str, str, str]] = []
        # sentence -> state of the person who is its subject ("Kishida ... . Er ...")
        self.person_subject: dict[int, str] = {}

    def salient(
        self, kinds: frozenset[str], exclude: Iterable[str], sent: int, min_weight: float = 2.0
    ) -> str | None:
        """The document's topic among actors of these kinds, from what was named before
        sentence ``sent`` (the title counts double): the most often named one, a recent
        mention counting extra; None when no actor clearly stands out."""
        skip = set(exclude)
        weight = {a: w for a, w in self.title_weight.items() if self.kind_of.get(a) in kinds}
        seen: dict[str, int] = {}
        for actor, kind, s, w in self.named:
            if s < sent and kind in kinds:
                weight[actor] = weight.get(actor, 0.0) + w
                seen[actor] = s
        scores = sorted(
            (
                (w + (1.0 if sent - seen.get(a, -99) <= 2 else 0.0), a)
                for a, w in weight.items()
                if a not in skip and w >= min_weight
            ),
            reverse=True,
        )
        if not scores:
            return None
        if len(scores) > 1 and scores[0][0] < scores[1][0] * 1.25:
            return None  # no clear topic
        return scores[0][1]

    def known_partner(self, actor: str, rtype: str, role: str) -> str | None:
        """The other side of the latest statement of this type about ``actor`` as
        subject (role "object": what it acted on) or object (role "subject")."""
        for s, t, _sub, o in reversed(self.facts):
            if t != rtype:
                continue
            if role == "object" and s == actor:
                return o
            if role == "subject" and o == actor:
                return s
        return None

    def last_distinct(self, n: int, sent: int, kinds: frozenset[str] | None) -> list[str]:
        out: list[str] = []
        for actor, kind, s in reversed(self.recent):
            if s >= sent:
                continue
            if sent - s > 4:
                break
            if kinds and kind not in kinds:
                continue
            if actor not in out:
                out.append(actor)
                if len(out) == n:
                    return out
        return []

    def last_group(self, n: int | None, sent: int, window: int = 3) -> list[str]:
        for actors, s in reversed(self.groups):
            if s >= sent:
                continue
            if sent - s > window:
                break
            if (n is None and len(actors) >= 2) or len(actors) == n:
                return list(actors)
        return []

    def last_of_kind(self, kinds: frozenset[str], sent: int, window: int = 4) -> str | None:
        for actor, kind, s in reversed(self.recent):
            if s >= sent:
                continue
            if sent - s > window:
                break
            if kind in kinds:
                return actor
        return None


def _kind(actor: str, kinds: dict[str, str]) -> str:
    return kinds.get(actor, "organization")


class SentenceAnalysis:
    def __init__(
        self,
        tokens: list[Token],
        lx: Language,
        kinds: dict[str, str],
        discourse: Discourse,
        sent_index: int,
    ) -> None:
        self.t = tokens
        self.lx = lx
        self.w = lx.w
        self.kinds = kinds
        self.discourse = discourse
        self.sent = sent_index
        self.lows = [t.low for t in tokens]
        self._spec: dict[tuple[int, int], bool] = {}  # clause -> speculative cue
        self.mentions: list[Mention] = []
        self.covered: list[int] = [-1] * len(tokens)  # token -> mention index
        self.groups: list[Group] = []
        self.seg: list[int] = []
        self.hard: list[int] = []
        self.item_at: dict[int, tuple[str, str]] = {}
        self._reported: tuple[bool, str | None] | None = None
        self._bounds: dict[tuple[int, bool], tuple[int, int]] = {}
        self._embedded: dict[int, bool] = {}  # comma segment -> relative/adverbial clause
        self._adverbial: list[int] | None = None  # adverbial subordinators with a subject
        self.trig: list[tuple[Trigger, ...]] = []  # trigger readings per token
        self._nap: bool | None = None  # any "durch"/"by"/"par" in the sentence
        self.denial: list[tuple[str, ...]] | None = None  # denial cues per token
        # what other stages compute once per sentence (the ranker's shared facts)
        self.memo: dict[str, Any] = {}
        self._timed: list[int] = [0] * (len(tokens) + 1)  # time-phrase tokens before i
        self.region_actors: set[str] = set()  # named as members of a region

    # --- mentions -------------------------------------------------------------------

    def find_mentions(self) -> None:
        t, lows, n = self.t, self.lows, len(self.t)
        forms = self.lx.forms
        forms_get = forms.get
        # only positions where an actor form or a "pro..." word starts need a look (the
        # membership test runs in one comprehension, not in the loop below)
        starts = [x for x, low in enumerate(lows) if low in forms]
        if "pro" in "\x00".join(lows):
            starts = sorted({*starts, *(x for x, low in enumerate(lows) if low[:3] == "pro")})
        k = 0
        pro_next = False
        for x in starts:
            if x < k:
                continue  # inside the last match
            if pro_next and x != k:
                pro_next = False  # the word after "pro-" was no actor
            k = x
            low = lows[k]
            cands = forms_get(low)
            hit: Form | None = None
            if cands:
                for f in cands:
                    m = len(f.lows)
                    if (
                        k + m <= n
                        and (m == 1 or tuple(lows[k : k + m]) == f.lows)
                        and self._case_ok(f, k)
                    ):
                        hit = f
                        break
            if hit is None:
                if low.startswith("pro") and len(low) > 5 and low[3:] in self.lx.adjective_forms:
                    actor = self.lx.adjective_forms[low[3:]]
                    self._add(
                        Mention(
                            k,
                            k + 1,
                            actor,
                            _kind(actor, self.kinds),
                            adj=True,
                            pro=True,
                            text=t[k].text,
                        )
                    )
                pro_next = low == "pro" and t[k].hyph
                k += 1
                continue
            m = len(hit.lows)
            if (
                hit.actor is not None
                and k + m < n
                and lows[k + m] in self.w.get("name_heads", ())
                and t[k + m].text[:1].isupper()
            ):
                # "the Washington Accords", "the Paris Agreement", "the Munich Security
                # Conference": the place is part of a name and stands for no actor
                pro_next = False
                k += m
                continue
            members = region_members().get(hit.actor or "")
            if members:
                # "die fünf zentralasiatischen Staaten": a list of its members, in one span
                text = " ".join(x.text for x in t[k : k + m])
                for member in members:
                    self._add(Mention(k, k + m, member, _kind(member, self.kinds), text=text))
                self.region_actors.update(members)
                pro_next = False
                k += m
                continue
            if hit.actor is not None:
                gen = hit.gen
                if k + m < n and lows[k + m] in ("'s", "’s"):
                    gen = True
                self._add(
                    Mention(
                        k,
                        k + m,
                        hit.actor,
                        _kind(hit.actor, self.kinds),
                        adj=hit.adj,
                        gen=gen,
                        mod=t[k + m - 1].hyph,
                        pro=pro_next,
                        demonym=hit.demonym,
                        text=" ".join(x.text for x in t[k : k + m]),
                    )
                )
                owner = actor_owners().get(hit.actor)
                if owner:
                    self._add(
                        Mention(
                            k,
                            k + m,
                            owner,
                            _kind(owner, self.kinds),
                            mod=t[k + m - 1].hyph,
                            text=self.mentions[-1].text,
                        )
                    )
            pro_next = False
            k += m
        ms = self.mentions
        if len(ms) > 1 and any(mm.adj and mm.actor == "EU" for mm in ms):
            # "die europäischen Nato-Partner", "European NATO allies": geography, not the EU
            keep = [
                mm
                for idx, mm in enumerate(ms)
                if not (
                    mm.adj
                    and mm.actor == "EU"
                    and idx + 1 < len(ms)
                    and ms[idx + 1].i == mm.j
                    and ms[idx + 1].actor != "EU"
                    and ms[idx + 1].kind in ("bloc", "organization")
                )
            ]
            if len(keep) < len(ms):
                self.mentions = keep
                self.covered = [-1] * n
                for idx, mm in enumerate(keep):
                    for x in range(mm.i, mm.j):
                        self.covered[x] = idx

    def _owned_by_other(self, x: int, actor: str) -> bool:
        """Is the noun at x possessed or modified by another actor ("Russia's embassy
        in Canberra", "die russische Botschaft in Berlin")? Then "in X" is a place."""
        p = x - 1
        if p >= 0 and self.lows[p] in ("'s", "’s"):
            p -= 1
        if p < 0 or self.covered[p] < 0:
            return False
        return self.mentions[self.covered[p]].actor != actor

    def _case_ok(self, f: Form, k: int) -> bool:
        if f.policy == "any":
            return True
        text = self.t[k].text
        if f.policy == "cap":
            return text[0].isupper()
        # exact: acronyms; compare the concatenated original text of the span
        span = "".join(x.text for x in self.t[k : k + len(f.lows)])
        return span == f.surface.replace(" ", "").replace("-", "")

    def _add(self, m: Mention) -> None:
        idx = len(self.mentions)
        self.mentions.append(m)
        for x in range(m.i, m.j):
            self.covered[x] = idx

    def resolve_references(self) -> None:
        """Add mentions for "beide Staaten", plural pronouns and anaphoric nouns."""
        lx, lows, t = self.lx, self.lows, self.t
        n = len(t)
        extra: list[Mention] = []
        skip_to = 0
        ref_words = lx.reference_words
        for k in range(n):
            low = lows[k]
            if low not in ref_words or self.covered[k] >= 0 or k < skip_to:
                continue
            num = lx.coref_numbers.get(low)
            if num and k + 1 < n:
                # "beide Staaten", "die beiden Länder", "the two countries"
                nk = k + 1
                cls = lx.coref_nouns.get(lows[nk])
                if cls is None and nk + 1 < n and lows[nk] not in lx.coref_nouns:
                    nk += 1
                    cls = lx.coref_nouns.get(lows[nk])
                if cls is not None:
                    actors = self._antecedents(num, cls, k)
                    text = " ".join(x.text for x in t[k : nk + 1])
                    for a in actors:
                        extra.append(
                            Mention(k, nk + 1, a, _kind(a, self.kinds), derived="coref", text=text)
                        )
                    continue
            if low in self.w.get("singular_pronouns", ()):
                # "Er kündigte an ...", "He said ...": a sentence-initial pronoun is
                # the person who was the subject of the sentence before
                actor = self.discourse.person_subject.get(self.sent - 1) if k < 3 else None
                if actor and all(not x.is_word for x in t[:k]):
                    extra.append(
                        Mention(
                            k,
                            k + 1,
                            actor,
                            _kind(actor, self.kinds),
                            derived="pronoun",
                            text=t[k].text,
                        )
                    )
                continue
            if low in self.w.get("plural_pronouns", ()) and not t[k].text.isupper():
                actors = self._current_group_before(k, unmarked=True) or self.discourse.last_group(
                    None, self.sent, window=2
                )
                for a in actors:
                    extra.append(
                        Mention(
                            k, k + 1, a, _kind(a, self.kinds), derived="pronoun", text=t[k].text
                        )
                    )
                continue
            if (
                low in self.w.get("possessives", ())
                and k + 2 < n
                and low != "whose"
                and (
                    lows[k + 1] in self.w.get("gov_nouns", ())
                    or lows[k + 2] in self.w.get("gov_nouns", ())
                )
            ):
                # "Its foreign ministry condemned ...": the actor of the last sentence
                before = [
                    m for m in self.mentions if m.j <= k and not m.derived and m.kind in STATE_LIKE
                ]
                # a subject rather than a name behind a preposition: "a missile fired by
                # Houthi fighters at one of its navy ships" - the ships of the speaker
                preps = self.w.get("prepositions", frozenset())
                unmarked = [m for m in before if not (m.i > 0 and lows[m.i - 1] in preps)]
                actor = (
                    (unmarked or before)[-1].actor
                    if before
                    else self.discourse.last_of_kind(STATE_LIKE, self.sent, window=1)
                )
                if actor:
                    end = k + 2 if lows[k + 1] in self.w.get("gov_nouns", ()) else k + 3
                    extra.append(
                        Mention(
                            k,
                            end,
                            actor,
                            _kind(actor, self.kinds),
                            derived="possessive",
                            text=" ".join(x.text for x in t[k:end]),
                        )
                    )
                    skip_to = end
                continue
            cls = lx.anaphors.get(low)
            arts = self.w.get("articles", ())
            gen_preps = self.w.get("genitive_preps", frozenset())
            owned = (  # "the army of Sudan": the of-phrase says whose, no anaphor
                k + 2 < n
                and lows[k + 1] in gen_preps
                and any(self.covered[y] >= 0 for y in range(k + 2, min(n, k + 4)))
            )
            if (
                cls is not None
                and k > 0
                and not owned
                # "des troupes", "a force": an indefinite noun refers back to nothing
                and lows[k - 1] not in self.w.get("indefinite_articles", ())
                and (
                    lows[k - 1] in arts
                    or (
                        k > 1
                        and lows[k - 2] in arts
                        and self.covered[k - 1] >= 0
                        and self.mentions[self.covered[k - 1]].adj
                        and cls == "group"
                    )
                )
            ):
                actor = self._anaphor(cls, k)
                if actor:
                    # the article belongs to the phrase ("de la isla" is as near as "de
                    # Cuba"); not an article that is also a preposition ("des", "del")
                    start = (
                        k - 1
                        if lows[k - 1] in arts
                        and lows[k - 1] not in self.w.get("prepositions", ())
                        and self.covered[k - 1] < 0
                        else k
                    )
                    extra.append(
                        Mention(
                            start,
                            k + 1,
                            actor,
                            _kind(actor, self.kinds),
                            gen=k + 1 < n and lows[k + 1] in ("'s", "’s"),  # "the country's"
                            derived="anaphor",
                            text=t[k].text,
                        )
                    )
        for m in extra:
            self._add(m)
        self.mentions.sort(key=lambda m: (m.i, m.j))
        self.covered = [-1] * n
        for idx, m in enumerate(self.mentions):
            for x in range(m.i, m.j):
                self.covered[x] = idx

    def _antecedents(self, num: int, cls: str, k: int) -> list[str]:
        kinds = frozenset({"state"}) if cls == "state" else None
        if cls == "sides" and num == 2:
            # "skirmishes between the two sides": the two names of this sentence, else
            # the parties of the last hostile statement, not the last list of allies
            here: list[str] = []
            mediators: set[str] = set()
            mediation = self.w.get("mediation_words", frozenset())
            for m in sorted(self.mentions, key=lambda m: -m.i):
                if m.j > k or m.derived or m.actor in here:
                    continue
                if any(self.lows[y] in mediation for y in range(m.j, min(m.j + 2, k))):
                    mediators.add(m.actor)  # "das von Katar vermittelte Abkommen"
                    continue
                here.append(m.actor)
            if len(here) >= 2:
                return here[:2][::-1]
            for subj, rtype, _sub, obj in reversed(self.discourse.facts[-6:]):
                if rtype == "OPPOSES":
                    return [subj, obj]
            if mediators:
                return []  # a mediated agreement between sides the sentence does not name
        group = self._current_group_before(k, num)
        if group:
            return group
        # "beide Regierungen" names the last coordinated pair, even a few sentences back
        # ("Deutschland und Großbritannien haben ... Zugleich sicherten beide Regierungen")
        group = self.discourse.last_group(num, self.sent, window=5)
        if group and (kinds is None or all(self.kinds.get(a) == "state" for a in group)):
            return group
        before = [m for m in self.mentions if m.j <= k and not m.derived]
        pool: list[str] = []
        for m in reversed(before):
            if (kinds is None or m.kind in kinds) and m.actor not in pool:
                pool.append(m.actor)
        if len(pool) < num:
            for a in self.discourse.last_distinct(num, self.sent, kinds):
                if a not in pool:
                    pool.append(a)
        return pool[:num] if len(pool) >= num else []

    def _current_group_before(
        self, k: int, num: int | None = None, unmarked: bool = False
    ) -> list[str]:
        before = sorted((m for m in self.mentions if m.j <= k and not m.derived), key=lambda m: m.i)
        if unmarked:
            # the marker is not known yet: an object after a preposition is no antecedent
            preps = self.w.get("prepositions", frozenset())
            before = [
                m
                for m in before
                if not (m.i > 0 and self.lows[m.i - 1] in preps)
                and not (m.i > 1 and self.lows[m.i - 2] in preps)
            ]
        if len(before) < 2:
            return []
        # the last coordinated list in this sentence before position k
        chain = [before[-1]]
        for m in reversed(before[:-1]):
            if self._coordinated(m, chain[0]):
                chain.insert(0, m)
            else:
                break
        actors = list(dict.fromkeys(m.actor for m in chain))
        if len(actors) >= 2 and (num is None or len(actors) == num):
            return actors
        return []

    def _anaphor(self, cls: str, k: int) -> str | None:
        # a demonym or genitive right next to the noun names the actor itself, except
        # for groups: "the Palestinian group" is Hamas, not Palestine
        if k > 0 and self.covered[k - 1] >= 0:
            if cls != "group":
                return None
            adj = self.mentions[self.covered[k - 1]]
            if not adj.adj:
                return None
            actor = self._anaphor_lookup(cls, adj.i)
            if actor:
                adj.actor, adj.kind, adj.adj, adj.derived = actor, "group", False, "anaphor"
                adj.j = k + 1
                self.covered[k] = self.covered[k - 1]
            return None
        if (
            cls != "group"
            and k + 1 < len(self.covered)
            and self.covered[k + 1] >= 0
            and self.mentions[self.covered[k + 1]].adj
        ):
            return None  # "les forces françaises": the adjective after it names the actor
        return self._anaphor_lookup(cls, k)

    def _anaphor_lookup(self, cls: str, k: int) -> str | None:
        kinds = {
            "group": frozenset({"group"}),
            "country": frozenset({"state"}),
            "bloc": frozenset({"bloc"}),
            "military": frozenset({"state"}),
            "regime": frozenset({"state"}),
            "org": frozenset({"bloc", "organization", "group"}),
        }[cls]
        if cls == "regime":
            # "the junta", "the generals": the state the document is about, never one
            # named in the same sentence ("Russia and China supply the junta")
            preps = self.w.get("prepositions", frozenset())
            here = {
                m.actor
                for m in self.mentions
                if not m.derived and m.j <= k and not (m.i > 0 and self.lows[m.i - 1] in preps)
            }
            return self.discourse.salient(kinds, here, self.sent) or None
        before = [m for m in self.mentions if m.j <= k and m.kind in kinds and not m.derived]
        if before and cls != "country":
            return before[-1].actor
        return self.discourse.last_of_kind(kinds, self.sent, window=2 if cls != "group" else 4)

    # --- structure ------------------------------------------------------------------

    def analyse_structure(self) -> None:
        lows, t, w = self.lows, self.t, self.w
        n = len(t)
        if len(self.trig) != n:
            self.has_trigger_word()
        # items (supplied things)
        covered = self.covered
        for k, hit in enumerate(self.lx.items.lookup_all(lows)):
            if hit and covered[k] < 0:
                self.item_at[k] = (hit[0].item, hit[0].subtype)
        # two-word items: "air defence systems", "défense aérienne", "defensa aérea"
        pairs = self.lx.compound_items
        if pairs:
            for k in range(1, n):
                pair = pairs.get((lows[k - 1], lows[k]))
                if pair is not None:
                    self.item_at[k - 1] = self.item_at[k] = (pair.item, pair.subtype)
        # markers
        skip = w["_np_skip"]
        preps = w.get("prepositions", frozenset())
        quants = w.get("quantities", frozenset())
        # NP heads that stand for their owner: "die Regierung in Stockholm", "the members
        # of the Shabab group", "les combattants du Hamas"
        gov = w.get("gov_nouns", frozenset()) | w.get("member_nouns", frozenset())
        loose = "capitalised_nouns" not in self.lx.features
        stop = w["_clause_stop"]
        report_preps = w.get("report_preps", frozenset())
        source_nouns = w.get("source_nouns", frozenset())
        assoc = w.get("association_words", frozenset())
        assoc_preps = w.get("association_preps", frozenset())
        gov_preps = w.get("gov_preps", frozenset())
        place_preps = w.get("place_preps", frozenset())
        military = w["_military"]
        genitive_preps = w.get("genitive_preps", frozenset())
        report_to = w.get("report_to_preps", frozenset())
        mod_endings = self.lx.modifier_endings
        time_words = w.get("time_words", frozenset())
        # time phrases ("en septembre dernier", "in April 2023") do not count in the
        # distance between a verb and its object: prefix sums of their tokens
        timed = [low in time_words or _is_year(low) for low in lows]
        for k in range(n - 2, -1, -1):
            if not timed[k] and timed[k + 1] and (lows[k] in preps or lows[k] in skip):
                timed[k] = True  # the preposition and article of the phrase
        self._timed = [0]
        for flag in timed:
            self._timed.append(self._timed[-1] + flag)
        for m in self.mentions:
            k = m.i - 1
            steps = 0
            lower_skipped = 0
            while k >= 0 and steps < 6:
                low = lows[k]
                cov = self.covered[k]
                if low in time_words or _is_year(low):
                    break  # "ont créé en septembre dernier l'Alliance": the time takes the "en"
                if low in assoc_preps and k > 0 and lows[k - 1] in assoc:
                    m.marker, m.marker_pos = "assoc", k  # "vessels linked to Israel"
                    break
                if cov >= 0 and self.mentions[cov].adj and not self.mentions[cov].derived:
                    k -= 1
                    steps += 1
                    continue
                if low in preps:
                    # "hundreds of Russian companies": look through quantities
                    if k > 0 and lows[k - 1] in quants:
                        k -= 2
                        steps += 2
                        continue
                    # "die Regierung in Stockholm": the NP head is the government
                    if (
                        k > 0
                        and lows[k - 1] in gov
                        and low in gov_preps
                        and not self._owned_by_other(k - 1, m.actor)
                        # "troops in Iraq", "des troupes en Irak": forces stand in a
                        # place, they are not its government
                        and not (low in place_preps and lows[k - 1] in military)
                    ):
                        k -= 2
                        steps += 2
                        while k >= 0 and lows[k] in skip:
                            k -= 1
                        if k >= 0 and lows[k] in preps:
                            m.marker, m.marker_pos = lows[k], k
                        break
                    m.marker, m.marker_pos = low, k
                    break
                if low in source_nouns:
                    # "nach Angaben des Pentagons": the source of a report, no actor
                    m.marker, m.marker_pos = "laut", k
                    break
                if low in skip or low.isdigit() or low in quants:
                    k -= 1
                    steps += 1
                    continue
                if (
                    loose
                    and lower_skipped < 3
                    and cov < 0
                    and t[k].is_word
                    and low.isalpha()
                    and t[k].text.islower()
                    and low not in stop
                ):
                    # "on the state oil company PDVSA", "contra el régimen iraní"
                    k -= 1
                    steps += 1
                    lower_skipped += 1
                    continue
                break
            if m.marker is not None and lower_skipped and m.marker in genitive_preps:
                m.marker, m.marker_pos = None, -1  # "parts of Yemen" is no of-object
            # origin: adjective/genitive right before a supplied item
            if (m.adj or m.gen or m.mod) and not (
                m.marker in report_preps
                or (m.i > 1 and lows[m.i - 1] in report_to and lows[m.i - 2] in report_preps)
            ):
                # ("according to South Korean intelligence" names a source, no item)
                for x in range(m.j, min(m.j + 4, n)):
                    if x in self.item_at:
                        m.origin = True
                        break
                    if self.covered[x] >= 0 or (lows[x] not in skip and not t[x].is_word):
                        break
                    if lows[x] not in skip and x > m.j and not lows[x].endswith(mod_endings):
                        break
            elif m.marker in w.get("source_preps", ()) and m.marker_pos - 1 in self.item_at:
                m.origin = True  # "Drohnen aus Teheran", "oil from Russia"
        self.build_groups()
        # clauses and segments
        hard = seg = 0
        in_group = [False] * n
        for g in self.groups:
            for x in range(g.i, g.j):
                in_group[x] = True
        hard_append, seg_append = self.hard.append, self.seg.append
        # a short parenthetical ("die RSF („Rapid Support Forces“) und die Armee", "the
        # rebels (M23)") glosses its neighbour: it splits no clause
        aside: set[int] = set()
        for k, low in enumerate(lows):
            if low in ("(", "[") and not t[k].is_word:
                close = ")" if low == "(" else "]"
                end = next((x for x in range(k + 1, min(n, k + 9)) if lows[x] == close), None)
                if end is not None and not any(lows[x] in PUNCT_HARD for x in range(k + 1, end)):
                    aside.update((k, end))
        for k, low in enumerate(lows):
            if low in PUNCT_HARD and not t[k].is_word and k not in aside:
                hard += 1
                seg += 1
            elif low == "," and not in_group[k]:
                seg += 1
            hard_append(hard)
            seg_append(seg)

    def build_groups(self) -> None:
        """Coordinated mentions ("Russland, China, Iran und Nordkorea") form a group."""
        self.groups = []
        ms = self.mentions
        gid = 0
        k = 0
        while k < len(ms):
            group = [ms[k]]
            x = k + 1
            while x < len(ms):
                if ms[x].i == group[-1].i and ms[x].j == group[-1].j:
                    group.append(ms[x])  # same span (coreference expansion)
                    x += 1
                    continue
                if self._coordinated(group[-1], ms[x]):
                    group.append(ms[x])
                    x += 1
                    continue
                break
            # a comma-only chain without a final conjunction is not a list
            if len(group) > 1 and not self._has_conj(group):
                group = [ms[k]]
                same = [m for m in ms[k + 1 :] if m.i == ms[k].i and m.j == ms[k].j]
                group.extend(same)
                x = k + 1 + len(same)
            for m in group:
                m.group = gid
                if m is not group[0] and (m.marker is None or m.marker_pos < group[0].j):
                    m.marker, m.marker_pos = group[0].marker, group[0].marker_pos
            self.groups.append(Group(gid, group))
            gid += 1
            k = x

    def _coordinated(self, a: Mention, b: Mention) -> bool:
        if b.i < a.j:
            return False
        between = self.lows[a.j : b.i]
        if a.gen and not b.gen and not between:
            return False
        if a.actor == b.actor and between and all(x in _OPENING for x in between):
            return True  # "Rapid Support Forces (RSF)", "die RSF („Rapid Support Forces“)"
        if (
            a.actor == b.actor
            and not a.derived
            and not b.derived
            and len(between) <= 2
            and not a.gen
            and all(
                self.t[x].is_word
                and x not in self.item_at
                and self.lows[x] not in self.w.get("prepositions", ())
                for x in range(a.j, b.i)
            )
        ):
            # apposition: "Kreml-Chef Wladimir Putin", "der nordkoreanische Machthaber Kim"
            return True
        if not between:
            return a.adj and b.adj and self.t[a.j - 1].hyph  # "israelisch-libanesisch"
        ok = self.w["_coord_ok"]
        if between[0] in ("(", "[") and (")" in between[:9] or "]" in between[:9]):
            # "die M23 (Bewegung des 23. März) und die Armee": a gloss of a
            close = next(x for x, low in enumerate(between) if low in (")", "]"))
            between = between[close + 1 :]
            if not between:
                return False
        if between[0] in _CLOSING and any(
            self.lows[x] in _OPENING for x in range(max(0, a.i - 3), a.i)
        ):
            # after a parenthetical alias: "(„Rapid Support Forces“) und die Armee"
            between = [x for x in between if x not in _CLOSING]
        if (
            len(between) >= 3
            and between[-1] in self.w.get("gov_preps", ())
            and between[-2] in self.w.get("gov_nouns", ())
        ):
            # "die RSF und die Armee im Sudan": the army's NP ends in its owner
            between = between[:-2]
        if "as" in between and "well" in between:
            return all(x in ok or x in ("as", "well") for x in between)
        if (
            b.j < len(self.lows)
            and self.lows[b.j] in self.w.get("clause_aux", frozenset())
            and a.i > 0
            and self._in_prep_phrase(a)
        ):
            # "déploient des troupes en Irak et l'Iran a une forte influence": the
            # second name opens a clause of its own
            return False
        return all(x in ok for x in between) and len(between) <= 3

    def _in_prep_phrase(self, m: Mention) -> bool:
        x = m.i - 1
        arts = self.w.get("articles", frozenset())
        preps = self.w.get("prepositions", frozenset())
        while x >= 0 and self.lows[x] in arts and self.lows[x] not in preps:
            x -= 1
        return (
            x >= 0
            and self.lows[x] in preps
            and self.lows[x] not in self.w.get("between_preps", frozenset())
        )

    def _has_conj(self, group: list[Mention]) -> bool:
        conj = self.w.get("conjunctions", frozenset())
        for a, b in itertools.pairwise(group):
            between = self.lows[a.j : b.i]
            if any(x in conj for x in between) or "well" in between:
                return True
            if not between and a.adj and b.adj:
                return True
        # one span read twice, or one actor and its gloss ("Rapid Support Forces (RSF)")
        return all(
            a.i == b.i or (a.actor == b.actor and all(x in _OPENING for x in self.lows[a.j : b.i]))
            for a, b in itertools.pairwise(group)
        )

    # --- triggers -------------------------------------------------------------------

    def has_trigger_word(self) -> bool:
        self.trig = self.lx.triggers.lookup_all(self.lows)
        return any(self.trig)

    def triggers(self) -> Iterable[tuple[int, Trigger]]:
        covered = self.covered
        for k, readings in enumerate(self.trig):
            if not readings or covered[k] >= 0:
                continue  # no trigger, or part of a mention
            for trig in readings:
                if trig.particle is not None and not self._later_in_clause(k, trig.particle):
                    continue
                if trig.unless_particle is not None and self._later_in_clause(
                    k, trig.unless_particle
                ):
                    continue  # "kündigten an" announces, "kündigten" terminates
                # (the envoy of "declared ... persona non grata" stands before three words)
                window = 8 if trig.frame == "summon" else 6
                if trig.requires is not None and not self._in_segment(k, trig.requires, window):
                    continue
                if trig.needs_item and not self._item_near(k):
                    continue
                if (
                    trig.unless_next is not None
                    and k + 1 < len(self.lows)
                    and trig.unless_next.fullmatch(self.lows[k + 1])
                ):
                    continue  # "India's armed forces": an adjective, not an act
                yield k, trig
        # hyphen compounds: "Iran-backed", "Russian-made" handled as the second part
        return

    def _later_in_clause(self, k: int, rx: object) -> bool:
        import re

        assert isinstance(rx, re.Pattern)
        h = self.hard[k]
        for x in range(k + 1, len(self.lows)):
            if self.hard[x] != h:
                break
            if rx.fullmatch(self.lows[x]):
                return True
        return False

    def _in_segment(self, k: int, rx: object, window: int) -> bool:
        import re

        assert isinstance(rx, re.Pattern)
        h = self.hard[k]
        lo, hi = max(0, k - window), min(len(self.lows), k + window + 1)
        return any(self.hard[x] == h and rx.fullmatch(self.lows[x]) for x in range(lo, hi))

    def _item_near(self, k: int) -> bool:
        h = self.hard[k]
        return any(self.hard[x] == h for x in self.item_at)

    # --- argument finding -------------------------------------------------------------

    def group_of(self, m: Mention) -> Group:
        return self.groups[m.group]

    def groups_in(self, lo: int, hi: int) -> list[Group]:
        return [g for g in self.groups if g.i >= lo and g.j <= hi]

    def clause_bounds(self, k: int, soft: bool) -> tuple[int, int]:
        arr = self.seg if soft else self.hard
        v = arr[k]
        key = (v, soft)
        hit = self._bounds.get(key)
        if hit is not None:
            return hit
        lo = k
        while lo > 0 and arr[lo - 1] == v:
            lo -= 1
        hi = k
        while hi + 1 < len(arr) and arr[hi + 1] == v:
            hi += 1
        self._bounds[key] = (lo, hi + 1)
        return lo, hi + 1

    def is_subject_candidate(self, g: Group, supplies: bool = True) -> bool:
        if g.marker is not None or (g.is_origin and supplies) or g.is_pro:
            return False
        return not (all(m.gen for m in g.members) and not self._gen_is_np(g))

    def _gen_is_np(self, g: Group) -> bool:
        # "Russia's foreign ministry summoned": the possessor stands for its NP
        return True

    def subject_left(
        self, k: int, lo: int, supplies: bool = True, first: bool = False
    ) -> Group | None:
        """The subject candidate left of k: the nearest one, or the first one of the
        clause (German: subject before dative and accusative objects)."""
        best = None
        for g in self.groups:
            if g.j <= k and g.i >= lo and self.is_subject_candidate(g, supplies):
                if first:
                    return g
                best = g
        return best

    def opens_complement(self, lo: int, k: int) -> bool:
        """Is the trigger noun at k the subject of a complement clause that opens after
        lo ("warns that the sanctions would ...")? Only articles stand between."""
        comp = self.w.get("complementizers", frozenset())
        arts = self.w.get("articles", frozenset())
        x = k - 1
        while x >= lo and (self.lows[x] in arts or not self.t[x].is_word):
            x -= 1
        return x >= lo and self.lows[x] in comp and x < k - 1 and self.covered[k] < 0

    def complement_subject(self, lo: int, k: int) -> bool:
        """Does a complement clause between lo and the verb at k have a subject of its
        own that names no actor ("said that the regime had supplied", "a annoncé que le
        royaume ermite avait fourni")? Then the main clause's subject is not the
        verb's."""
        comp = self.w.get("complementizers", frozenset())
        arts = self.w.get("articles", frozenset())
        for c in range(lo, k - 2):
            if self.lows[c] not in comp:
                continue
            x = c + 1
            while x < k and not self.t[x].is_word:
                x += 1
            if not (x + 1 < k and self.lows[x] in arts and self.covered[x] < 0):
                continue
            y = x + 1
            while y < k and (self.lows[y] in arts or not self.t[y].is_word):
                y += 1
            if y < k and self.covered[y] < 0 and not self.trig[y]:
                return True
        return False

    def relative_block(self, k: int, lo: int) -> bool:
        """True when a relative pronoun with a non-actor antecedent opens the clause
        of k ("lenders that help finance ...")."""
        rel = self.w.get("relative", frozenset())
        for x in range(k - 1, max(lo - 1, k - 6), -1):
            if self.lows[x] in rel and "relative_blocks_subject" in self.lx.features:
                return x > 0 and self.covered[x - 1] < 0 and self.t[x - 1].text != ","
            if self.covered[x] >= 0:
                return False
        return False

    # --- per-trigger analysis -----------------------------------------------------------

    def is_passive(self, k: int, trig: Trigger, lo: int, hi: int) -> bool:
        if trig.pos != "verb" or not self.lx.participle.fullmatch(self.lows[k]):
            return False
        aux = self.w.get("passive_aux", frozenset())
        if "verb_second" in self.lx.features:  # the auxiliary may stand anywhere
            return any(self.lows[x] in aux for x in range(lo, hi) if x != k)
        # English/Romance: the auxiliary precedes the participle closely; a reflexive
        # ("se sont affrontées", "se han acercado") makes it active
        window = range(max(lo, k - 4), k)
        clitics = self.w.get("reflexive_clitics", frozenset())
        if clitics and any(self.lows[x] in clitics for x in window):
            return False
        return any(self.lows[x] in aux for x in window)

    def pre_modifiers(self, k: int, with_roles: bool = False) -> list[Group]:
        """Adjective, genitive and compound mentions attached to the trigger from the left."""
        return [g for g, _ in self.pre_modifier_roles(k)]

    def pre_modifier_roles(self, k: int) -> list[tuple[Group, str]]:
        """Mentions attached to a trigger noun from the left, with their role: "agent"
        for adjectives, genitives and acronyms ("Russian attacks", "Russia's war", "US
        sanctions"), "target" for a bare name in an English compound ("Iran sanctions")."""
        out: list[tuple[Group, str]] = []
        skip = self.w["_np_skip"]
        stop = self.w["_np_stop"]
        loose = "capitalised_nouns" not in self.lx.features
        x = k - 1
        steps = 0
        lower = 0
        while x >= 0 and steps < 5:
            cov = self.covered[x]
            if cov >= 0:
                m = self.mentions[cov]
                g = self.group_of(m)
                if (m.adj or m.gen or m.mod) and m.derived in ("", "anaphor") and not m.origin:
                    if all(g is not h for h, _ in out):
                        out.append((g, "agent"))
                    x = g.i - 1
                    steps += 1
                    continue
                if (
                    loose and not m.derived and x == k - 1 - lower and not out and m.marker is None
                ) or (loose and m.derived == "possessive"):
                    role = "agent" if m.text.replace(".", "").isupper() or m.derived else "target"
                    out.append((g, role))
                break
            low = self.lows[x]
            if (
                low in ("'s", "’s")
                or low in skip
                or (
                    not loose
                    and low.endswith(self.lx.adjective_endings)
                    and low.islower()
                    and low not in stop
                )
            ):
                x -= 1
                steps += 1
                continue
            if (
                loose
                and lower < 3
                and self.t[x].text.islower()
                and low.isalpha()
                and low not in stop
                and low not in self.w.get("relative", ())
            ):
                x -= 1
                steps += 1
                lower += 1
                continue
            break
        return out

    def possessive_before(self, k: int) -> bool:
        poss = self.w.get("possessives", frozenset())
        skip = self.w.get("modifiers", frozenset())
        for x in range(k - 1, max(-1, k - 4), -1):
            if self.lows[x] in poss:
                return True
            if self.lows[x] not in skip and not self.lows[x].endswith(self.lx.modifier_endings):
                return False
        return False

    def post_groups(
        self, k: int, hi: int, markers: Iterable[str | None], window: int
    ) -> list[Group]:
        wanted = set(markers)
        out = []
        for g in self.groups:
            if g.i > k and g.i < hi and self.gap(k, g.i) <= window and g.marker in wanted:
                if g.marker is not None and g.members[0].marker_pos < k:
                    continue
                out.append(g)
        return out

    def gap(self, k: int, i: int) -> int:
        """Tokens from k to i, time phrases not counted ("a rejoint en 2024 l'Otan")."""
        return i - k - (self._timed[i] - self._timed[k + 1])

    def first_after(self, k: int, hi: int, window: int, exclude: set[int]) -> Group | None:
        for g in self.groups:
            if g.i > k and g.i < hi and self.gap(k, g.i) <= window and g.idx not in exclude:
                unmarked = g.marker is None or g.members[0].marker_pos < k  # "to sell Armenia"
                if unmarked and not g.is_origin:
                    return g
                if g.marker is not None and g.members[0].marker_pos > k:
                    return None
        return None

    def nominal(self, k: int, trig: Trigger) -> bool:
        """Is the trigger token used as a noun here? German nouns are capitalised;
        elsewhere a determiner, possessive or adjective before it makes a noun."""
        if "capitalised_nouns" in self.lx.features:
            return self.t[k].text[0].isupper() if k > 0 else trig.pos != "verb"
        if trig.pos != "verb":
            return True
        x = k - 1
        while x >= 0 and (self.t[x].hyph or self.lows[x] in self.w.get("modifiers", ())):
            x -= 1
        if x < 0:
            return False
        low = self.lows[x]
        if low in self.w.get("articles", ()) or low in self.w.get("possessives", ()):
            return True
        if low in ("'s", "’s"):
            return True
        cov = self.covered[x]
        if cov >= 0 and self.mentions[cov].adj:
            return True
        # "its drone deliveries": a possessive before a noun modifier
        return x > 0 and self.lows[x - 1] in self.w.get("possessives", ()) and x + 1 == k

    def analyse(self, k: int, trig: Trigger) -> list[Candidate]:
        lo_s, hi_s = self.clause_bounds(k, soft=True)
        lo_h, hi_h = self.clause_bounds(k, soft=False)
        if (
            trig.type is RelationType.PARTNERSHIP
            and self.lows[k] in self.w.get("attributive_allied", ())
            and not (k > 0 and self.t[k - 1].hyph)
            and k + 1 < len(self.t)
            and self.t[k + 1].is_word
            and self.covered[k + 1] < 0
            and self.lows[k + 1] not in (trig.obj_preps or ())
        ):
            return []  # "the Arakan Army and two allied militias": allied to whom is unsaid
        if self.in_proper_name(k, trig):
            return []  # "the UN DRC Sanctions Committee", "the Washington Accords"
        if trig.type is RelationType.OPPOSES and any(
            self.lows[x] in self.w.get("prevention", ()) for x in range(max(0, k - 4), k)
        ):
            return []  # "urged both sides to avoid a wider war": no war is stated
        if trig.type is RelationType.PARTNERSHIP:
            pairs = self.partnership(k, trig, lo_s, hi_s, lo_h, hi_h)
        else:
            pairs = self.mutual_sides(k, trig, hi_s) if trig.mutual else []
            if not pairs:
                pairs = self.directed(k, trig, lo_s, hi_s, lo_h, hi_h)
            if not pairs and trig.mutual:
                pairs = self.mutual_subject(k, trig, lo_s, hi_s)
        if trig.object_kinds is not None:
            pairs = [p for p in pairs if self.kinds.get(p[1], "state") in trig.object_kinds]
        if self.region_actors and trig.type is not RelationType.PARTNERSHIP:
            # "tensions between Russia and the Baltic states": the region's members are
            # one side, not sides of each other (parties of one agreement may be)
            pairs = [
                p for p in pairs if not (p[0] in self.region_actors and p[1] in self.region_actors)
            ]
        if not pairs:
            return []
        if trig.pos == "verb" and trig.frame != "accuse":
            accused = self.accused_controller(k)
            if accused is not None and any(sj not in accused.actors for sj, _o, _c, _r in pairs):
                # "acusó a Petro de apoyar a Hamás", "accused Kyiv of attacking": the
                # accused party is the subject of what it is accused of
                objs = list(dict.fromkeys(o for _s, o, _c, _r in pairs if o not in accused.actors))
                conf0, rule0 = pairs[0][2], pairs[0][3]
                pairs = [
                    (a, o, conf0, rule0 + "+accused-subject") for a in accused.actors for o in objs
                ]
                if not pairs:
                    return []
        pairs = self.joined_agents(k, lo_h, pairs)
        negated = self.negated(k, lo_s, hi_s, lo_h, cues=trig.subtype != "demand")
        if (
            negated
            and trig.type is RelationType.OPPOSES
            and self.nominal(k, trig)
            and self.possessive_before(k)
        ):
            # "no country should give Putin a platform to promote his war": a possessed
            # war or attack is presupposed, a negation elsewhere in the clause keeps it
            negated = False
        modality, attributed, mfactor = self.modality(k, lo_h, hi_h)
        items, subtype = self.items_and_subtype(k, trig, lo_h, hi_h)
        out = []
        np_negated = self.negated_np(k)
        # a verb ("gehört nicht der Nato an") is negated by its clause even where a frame
        # read its object like a noun's genitive
        as_noun = trig.pos != "verb" or self.nominal(k, trig)
        for subj, obj, conf, rule in pairs:
            if subj == obj:
                continue
            # "refuses to join Western sanctions", "se negó a condenar la invasión rusa":
            # a verb's negation does not deny what a noun phrase states by itself
            neg = np_negated if as_noun and rule.startswith(NP_RULES) else negated
            out.append(
                Candidate(
                    subject=subj,
                    object=obj,
                    type=trig.type,
                    subtype=subtype,
                    confidence=round(min(1.0, trig.strength * conf * mfactor), 3),
                    rule=self.rule_name(k, trig, rule),
                    items=items,
                    negated=neg,
                    modality=modality,
                    attributed_to=attributed,
                )
            )
        return out

    def joined_agents(
        self, k: int, lo: int, pairs: list[tuple[str, str, float, str]]
    ) -> list[tuple[str, str, float, str]]:
        """ "The United States joined Ukraine and South Korea to accuse North Korea",
        "Britain joined France in condemning ...", "s'est joint à la France pour
        condamner ...": who joins and who is joined both act."""
        joining = self.w.get("joining_verbs", frozenset())
        if not joining or not pairs:
            return pairs
        links = self.w.get("joining_links", frozenset())
        for g in self.groups:
            if not 0 < k - g.j <= 3 or any(
                self.t[x].is_word and self.lows[x] not in links for x in range(g.j, k)
            ):
                continue
            x = g.i - 1
            while x > lo and self.lows[x] in links:
                x -= 1
            if x <= lo or self.lows[x] not in joining:
                continue
            joiner = self.subject_left(x, lo)
            if joiner is None or joiner.idx == g.idx:
                continue
            sides = set(joiner.actors) | set(g.actors)
            if not {p[0] for p in pairs} & sides:
                continue
            base = [p for p in pairs if p[1] not in sides]
            if not base:
                return []  # the only object found was a side: "in condemning" whom is unsaid
            conf, rule = base[0][2], base[0][3] + "+joined"
            objects = list(dict.fromkeys(p[1] for p in base))
            return [
                *base,
                *(
                    (a, o, conf, rule)
                    for a in [*joiner.actors, *g.actors]
                    for o in objects
                    if not any(p[0] == a and p[1] == o for p in base)
                ),
            ]
        return pairs

    def reduced_passive(self, k: int, trig: Trigger) -> bool:
        """A participle right after a noun that names no actor, its agent right after it:
        "a missile fired by Houthi fighters at ...", "des drones lancés par ..."."""
        agent_preps = self.w.get("agent_preps", frozenset())
        return (
            trig.pos == "verb"
            and 0 < k < len(self.lows) - 2
            and self.lows[k + 1] in agent_preps
            and self.covered[k + 2] >= 0
            and self.covered[k - 1] < 0
            and self.t[k - 1].is_word
            and self.lows[k - 1] not in self.w["_np_stop"]
            and bool(self.lx.participle.fullmatch(self.lows[k]))
        )

    def reduced_relative(self, k: int, trig: Trigger) -> tuple[Group, Group] | None:
        """A participle with its agent right after a noun phrase: "Hezbollah fighters,
        backed by Iran, ...", "The Houthis, armed by Iran, ...", "le M23, soutenu par le
        Rwanda": (the agent, the phrase the participle follows)."""
        p = k + 1
        if (
            p + 1 < len(self.lows)
            and self.lows[p] in self.w.get("conjunctions", frozenset())
            and self.lx.participle.fullmatch(self.lows[p + 1])
        ):
            p += 2  # "finanziato e sostenuto dall'Iran", "armed and trained by Iran"
        if (
            trig.pos != "verb"
            or trig.reverse
            or p >= len(self.lows)
            or self.lows[p] not in self.w.get("agent_preps", frozenset())
            or not self.lx.participle.fullmatch(self.lows[k])
        ):
            return None
        after = next((g for g in self.groups if g.members[0].marker_pos == p), None)
        x = k - 1
        while x >= 0 and self.t[x].text == ",":
            x -= 1
        before = next((g for g in self.groups if g.i <= x < g.j), None)
        if before is None and x >= 1 and self.covered[x] < 0:
            before = next((g for g in self.groups if g.j == x), None)  # "Hezbollah fighters"
        if after is None or before is None or after is before or before.is_origin:
            return None
        return after, before

    def place_owner(self, k: int, place: Group, used: set[int]) -> Group | None:
        """The owner of targets that stand before a place: "Militärschläge gegen
        Stellungen der Houthi im Jemen", "struck Hezbollah targets in Lebanon", "frappes
        contre des positions du Hezbollah au Liban": the owner is the target, the
        place only says where."""
        if place.marker not in self.w.get("place_preps", ()):
            return None
        tnouns = self.w.get("target_nouns", frozenset())
        if not tnouns:
            return None
        gen_preps = self.w.get("genitive_preps", frozenset())
        gen_arts = self.w.get("genitive_articles", frozenset())
        first = next((g for g in self.groups if g.i > k), None)
        if (
            first is not None
            and first is not place
            and first.i < place.i
            and first.idx not in used
            and not first.is_origin
            and first.marker in gen_preps
        ):
            return first  # "struck the headquarters of Hezbollah in Beirut"
        for g in self.groups:
            if g.idx in used or g.is_origin or not k < g.i < place.i:
                continue
            if g.j < len(self.lows) and self.lows[g.j] in tnouns and self.t[g.j - 1].hyph:
                return g  # "Houthi-Stellungen", "Hezbollah-Ziele"
            if g.j < len(self.lows) and self.lows[g.j] in tnouns and g.marker is None:
                return g  # "Hezbollah targets"
            start = g.members[0].marker_pos if g.marker is not None else g.i
            if g.marker is not None and g.marker not in gen_preps:
                continue
            x = start - 1
            if x >= 0 and self.lows[x] in gen_arts:
                x -= 1
            if x >= 0 and self.lows[x] in tnouns:
                return g
        return None

    def in_proper_name(self, k: int, trig: Trigger) -> bool:
        """A capitalised trigger noun inside a name ("the Sanctions Committee", "the
        Washington Accords", "Defence Cooperation Agreement") names a body or a document,
        not an act, where nouns are not capitalised anyway. A partner named right after
        it ("... Agreement with Japan") keeps it."""
        if "capitalised_nouns" in self.lx.features or k == 0:
            return False
        t = self.t
        if not t[k].text[:1].isupper() or t[k].text.isupper():
            return False
        words = [x for x in t if x.is_word]
        if sum(x.text[:1].isupper() for x in words) > 0.6 * len(words):
            return False  # a headline in title case
        before = t[k - 1].text[:1].isupper() and t[k - 1].is_word and self.covered[k - 1] < 0
        after = k + 1 < len(t) and (
            (t[k + 1].text[:1].isupper() and t[k + 1].is_word)
            or self.lows[k + 1] in self.w.get("institution_nouns", ())
        )
        if not (before or after):
            return False
        preps = (
            (trig.obj_preps or frozenset())
            | self.w.get("partner_preps", frozenset())
            | self.w.get("between_preps", frozenset())
        )
        if any(g.marker in preps and 0 < g.members[0].marker_pos - k <= 4 for g in self.groups):
            return False
        # "Japan and the Philippines signed a Reciprocal Access Agreement": the parties
        # (not a list right before the name: "the UN DRC Sanctions Committee" is a body)
        subj = self.subject_left(k, 0)
        return not (subj is not None and len(subj.actors) >= 2 and subj.j < k)

    def items_and_subtype(
        self, k: int, trig: Trigger, lo_h: int, hi_h: int
    ) -> tuple[list[str], str]:
        """What a supply statement names as supplied, and its subtype (the items' kind
        when the trigger says no more than "supply")."""
        if trig.type is not RelationType.SUPPLIES:
            return [], trig.subtype or trig.type.value.lower()
        items, item_sub = self.items_near(k, lo_h, hi_h)
        subtype = trig.subtype
        if subtype in ("supply", "") and item_sub:
            subtype = item_sub
        return items, subtype or trig.type.value.lower()

    def rule_name(self, k: int, trig: Trigger, how: str) -> str:
        """The statement's ``rule``: language, type, subtype, trigger word, frame roles."""
        kind = f"{trig.type.value.lower()}.{trig.subtype or 'any'}"
        return f"{self.lx.code}.{kind}[{self.t[k].text}]:{how}"

    # --- conflicts both sides wage -------------------------------------------------------

    @staticmethod
    def _both_ways(actors: list[str], conf: float, rule: str) -> list[tuple[str, str, float, str]]:
        return [(a, b, conf, rule) for a in actors for b in actors if a != b]

    def mutual_sides(self, k: int, trig: Trigger, hi_s: int) -> list[tuple[str, str, float, str]]:
        """The sides a conflict noun names by itself: "the conflict between X and Y",
        "der Krieg zwischen X und Y", "the Israel-Hamas war", "Armenian-Azerbaijani
        clashes". Each side opposes the other."""
        between = self.w.get("between_preps", frozenset())
        for g in self.groups:
            if (
                g.i > k
                and g.i < hi_s
                and g.marker in between
                and g.members[0].marker_pos - k <= 4
                and len(g.actors) >= 2
                and not g.is_origin
            ):
                return self._both_ways(g.actors, 0.9, "between-sides")
        # hyphen- or slash-joined names right before the noun
        sides: list[str] = []
        joined = False
        x = k - 1
        while x >= 0:
            cov = self.covered[x]
            if cov >= 0:
                m = self.mentions[cov]
                if m.actor not in sides:
                    sides.insert(0, m.actor)
                x = m.i - 1
                if x >= 0 and self.t[x].hyph and self.covered[x] >= 0:
                    joined = True  # "Israel-Hamas": the hyphen is no token of its own
                continue
            if self.lows[x] in ("–", "/") and sides:
                joined = True
                x -= 1
                continue
            break
        if joined and len(sides) >= 2:
            return self._both_ways(sides, 0.85, "joined-sides")
        return []

    def mutual_subject(
        self, k: int, trig: Trigger, lo_s: int, hi_s: int
    ) -> list[tuple[str, str, float, str]]:
        """ "X and Y clashed", "India and Pakistan have fought three wars": a coordinated
        subject with no other side named wages the conflict against each other."""
        subj = self.subject_left(k, lo_s)
        if subj is None or len(subj.actors) < 2 or subj.is_origin or k - subj.j > 6:
            # "Seit zwei Jahren bekämpfen sich die RSF und die Armee", "se sont
            # affrontés ... les forces arméniennes et azerbaïdjanaises": after the verb
            reciprocal = self.w.get("reciprocal", frozenset())
            conj = self.w.get("conjunctions", frozenset())
            after = [
                g
                for g in self.groups
                if k < g.i < hi_s and g.i - k <= 12 and g.marker is None and not g.is_origin
            ]
            if not after or not (
                "verb_second" in self.lx.features
                or any(self.lows[x] in reciprocal for x in range(max(0, k - 2), after[0].i))
            ):
                return []
            sides = list(after[0].actors)
            # "die RSF und die Armee im Sudan": coordinated noun phrases
            if (
                len(sides) < 2
                and len(after) > 1
                and any(self.lows[x] in conj for x in range(after[0].j, after[1].i))
            ):
                sides += [a for a in after[1].actors if a not in sides]
            if len(sides) < 2:
                return []
            return self._both_ways(sides, 0.8, "coordinated-sides-after")
        if any(self.trig[x] for x in range(subj.j, k)):
            return []  # another trigger in between governs the subject
        return self._both_ways(subj.actors, 0.8, "coordinated-sides")

    # --- directed relations (OPPOSES, SUPPLIES) ------------------------------------------

    def directed(
        self, k: int, trig: Trigger, lo_s: int, hi_s: int, lo_h: int, hi_h: int
    ) -> list[tuple[str, str, float, str]]:
        w = self.w
        v2 = "verb_second" in self.lx.features
        g: Group | None
        reduced = self.reduced_relative(k, trig)
        if reduced is not None:
            # "The Houthis, armed by Iran, ...", "Ukraine, attacked by Russia, ..."
            return [
                (a, b, 0.9, "participle-agent+head")
                for a in reduced[0].actors
                for b in reduced[1].actors
                if a != b
            ]
        passive = self.is_passive(k, trig, lo_h, hi_h)
        # "a missile fired by Houthi fighters at one of its ships": a participle after a
        # noun with its agent right after it is a passive without an auxiliary
        bare_participle = (
            not passive and trig.type is RelationType.OPPOSES and self.reduced_passive(k, trig)
        )
        passive = passive or bare_participle
        agent: list[str] = []
        arule, aconf = "", 1.0
        other: list[str] = []
        orule, oconf = "", 1.0
        used: set[int] = set()
        obj_preps = trig.obj_preps or self.lx.obj_preps.get(trig.type, frozenset())
        is_noun = self.nominal(k, trig)
        if (
            trig.type is RelationType.SUPPLIES
            and not trig.reverse
            and any(self.lows[x] in w.get("receipt_verbs", ()) for x in range(max(0, k - 2), k))
        ):
            return []  # "The Philippines took delivery of ...": the subject receives
        tnouns = w.get("target_nouns", frozenset())
        if (
            trig.subtype == "attack"
            and self.lows[k] in tnouns
            and k > 0
            and self.covered[k - 1] >= 0
        ):
            return []  # "struck Hezbollah targets": a noun, the actor owns the targets
        if (
            trig.subtype == "attack"
            and trig.pos == "verb"
            and trig.frame != "prep_only"
            and not is_noun
            and not passive
        ):
            # "struck Hezbollah targets in southern Lebanon": the owner of the targets
            for g in self.groups:
                if g.i > k + 3:
                    break
                if (
                    k < g.i
                    and g.marker is None
                    and g.j < len(self.lows)
                    and self.lows[g.j] in tnouns
                ):
                    other, orule = g.actors, "target-owner"
                    used.add(g.idx)
                    break
        if trig.type is RelationType.SUPPLIES and is_noun and self.supply_verb_before(k, lo_s):
            return []  # "will send Ukraine a $425 million aid package": the verb says it

        # hyphen compound in front of the trigger: "US-Sanktionen", "Ukraine-Hilfe",
        # "Iran-backed", "Russian-made"
        if k > 0 and self.t[k - 1].hyph and self.covered[k - 1] >= 0:
            m = self.mentions[self.covered[k - 1]]
            g = self.group_of(m)
            acronym = m.text.isupper() or m.adj
            target_first = "compound_names_target" in self.lx.features
            if target_first and not acronym and trig.frame != "supplier_noun":
                other, orule = g.actors, "compound-target"
            else:
                agent, arule = g.actors, "compound-agent"
            used.add(g.idx)
            if not target_first and trig.pos == "verb":
                nxt = self.first_after(k, hi_h, 3, used)
                if nxt is not None:
                    other, orule = nxt.actors, "compound-head"
                    used.add(nxt.idx)

        # passive: agent from von/by; the nominative is the patient
        if passive and not agent:
            for g in self.groups:
                if (
                    lo_s <= g.i < hi_s
                    and g.marker in w.get("agent_preps", ())
                    and (not g.is_origin or trig.type is RelationType.OPPOSES)
                ):
                    # ("durch russische Raketen angegriffen": the weapons' origin attacks)
                    agent, arule = g.actors, "passive-agent"
                    used.add(g.idx)
                    break
            if trig.type is RelationType.OPPOSES and not other and bare_participle:
                preps = trig.obj_preps or frozenset()
                g3 = next(
                    (
                        g
                        for g in self.groups
                        if k < g.i < hi_s and g.marker in preps and g.idx not in used
                    ),
                    None,
                )
                if g3 is not None:
                    other, orule = g3.actors, f"prep-{g3.marker}"
                    used.add(g3.idx)
            if trig.type is RelationType.OPPOSES and not other and not bare_participle:
                g2 = self.subject_left(k, lo_s) or self.first_after(k, hi_s, 4, used)
                if g2 is not None and g2.idx not in used:
                    other, orule = g2.actors, "passive-patient"
                    used.add(g2.idx)
            if (
                trig.type is RelationType.SUPPLIES
                and not trig.reverse
                and not other
                and any(
                    self.lows[x] in w.get("comitative_preps", ())
                    for x in range(max(lo_s, k - 6), min(hi_s, k + 3))
                )
            ):
                # "Moscow has been supplied with shells by Pyongyang", "Russland sei mit
                # Granaten aus Nordkorea beliefert worden": the subject receives
                g2 = self.subject_left(k, lo_s)
                if g2 is not None and g2.idx not in used:
                    other, orule = g2.actors, "passive-recipient"
                    used.add(g2.idx)

        if (
            trig.frame == "accuse"
            and k + 1 < len(self.lows)
            and self.lows[k + 1] in w.get("genitive_preps", ())
            and self.lx.participle.fullmatch(self.lows[k])
        ):
            return []  # "companies accused of supplying", "acusado de": accuser unnamed
        # frames with their own object: accusation, summoning an ambassador
        if trig.frame == "accuse" and not other:
            g = self.first_after(k, hi_h, 6, used)
            if g is None:
                for g2 in self.groups:
                    # "acusó a Ucrania de atacar Rusia": the personal "a" marks the accused
                    personal = g2.marker in w.get("personal_object_markers", ())
                    if (
                        g2.i > k
                        and g2.i - k <= 6
                        and g2.i < hi_h
                        and (g2.marker is None or personal)
                    ):
                        g = g2
                        break
            if g is not None:
                other, orule = g.actors, "accused"
                used.add(g.idx)
        if trig.frame == "summon" and not other and not agent:
            # "were declared persona non grata by the Russian authorities", "déclarés
            # persona non grata par les autorités russes": the agent phrase after it
            for g in self.groups:
                if (
                    k < g.i < hi_h
                    and g.i - k <= 6
                    and g.idx not in used
                    and g.marker in w.get("agent_preps", ())
                ):
                    agent, arule = g.actors, "passive-agent"
                    used.add(g.idx)
                    break
        if trig.frame == "summon" and not other:
            for g in self.groups:
                if (
                    g.i > k
                    and g.i < hi_h
                    and (g.is_modifier or g.marker is None or g.marker in w.get("envoy_preps", ()))
                    and g.idx not in used
                    and g.i - k <= 8
                ):
                    other, orule = g.actors, "envoy"
                    used.add(g.idx)
                    break
            if not other and trig.requires is not None:
                # "declared a Russian diplomat persona non grata", "объявило дипломата из
                # России персоной нон грата": the envoy stands between verb and trigger,
                # next to the word the trigger requires
                requires = trig.requires
                cue_at = [x for x in range(max(lo_h, k - 8), k) if requires.fullmatch(self.lows[x])]
                envoy_preps = w.get("envoy_preps", frozenset()) | w.get("source_preps", frozenset())
                for g in self.groups:
                    if (
                        cue_at
                        and g.idx not in used
                        and lo_h <= g.i < k
                        and any(abs(g.i - x) <= 2 or abs(g.j - 1 - x) <= 2 for x in cue_at)
                        and (g.is_modifier or g.marker in envoy_preps)
                    ):
                        other, orule = g.actors, "envoy-before"
                        used.add(g.idx)
                        break

        # nominal trigger: attached adjectives and genitives
        if (not agent and is_noun) or (not agent and trig.pos != "verb"):
            roles = self.pre_modifier_roles(k)
            pre = [g for g, role in roles if role == "agent"]
            pre_target = [g for g, role in roles if role == "target"]
            if pre_target and not other:
                other, orule, oconf = [a for g in pre_target for a in g.actors], "compound", 0.9
                used.update(g.idx for g in pre_target)
            if pre and trig.frame == "supplier_noun":
                other, orule = [a for g in pre for a in g.actors], "pre-recipient"
                used.update(g.idx for g in pre)
            elif pre:
                agent, arule = [a for g in pre for a in g.actors], "pre-modifier"
                used.update(g.idx for g in pre)
            elif self.possessive_before(k):
                # "sanctions on Iran over its drone deliveries": the possessive points
                # back to the nearest actor, whatever its role
                g = self.subject_left(k, lo_h)
                antecedent = next(
                    (
                        h
                        for h in reversed(self.groups)
                        if lo_h <= h.i and h.j <= k and not h.is_origin and h.idx not in used
                    ),
                    None,
                )
                if (
                    antecedent is not None
                    and antecedent.marker is not None
                    # not the agent of a participle ("weapons supplied by the UAE in their
                    # fight") nor a phrase set off by commas ("Hezbollah, backed by Iran,
                    # continued its attacks"): those are asides, the subject owns
                    and antecedent.marker not in w.get("agent_preps", ())
                    and not any(self.t[x].text == "," for x in range(antecedent.j, k))
                ):
                    g = antecedent
                if g is not None:
                    agent, arule, aconf = g.actors, "possessive", 0.9
                    used.add(g.idx)
        if not agent and is_noun and "adjective_after_noun" in self.lx.features:
            # Romance adjectives follow the noun: "sanctions occidentales", "invasión rusa"
            g = self.post_adjective(k)
            if g is not None and g.idx not in used:
                if trig.frame == "supplier_noun" or trig.reverse:
                    if not other:
                        other, orule = g.actors, "post-adjective-recipient"
                else:
                    agent, arule = g.actors, "post-adjective"
                used.add(g.idx)
        if (not agent and trig.pos != "verb") or (not agent and is_noun):
            # post genitive ("Überfall Russlands", "Angriffskrieg des Kremls"), "by X"
            for g in self.post_groups(k, hi_s, [None, *w.get("agent_preps", ())], 3):
                if g.idx in used or g.is_origin:
                    continue
                if g.marker is None and not (
                    "genitive_case" in self.lx.features or any(m.gen for m in g.members)
                ):
                    continue
                if trig.frame == "supplier_noun" or trig.reverse:
                    if not other:
                        other, orule = g.actors, "post-genitive-recipient"
                        used.add(g.idx)
                    continue
                agent, arule = g.actors, "post-genitive"
                used.add(g.idx)
                break

        if (
            not agent
            and is_noun
            and not trig.reverse
            and trig.frame != "supplier_noun"
            and self.has_nominal_agent_prep()
        ):
            # "die Lieferung von Flugzeugen an die Ukraine durch Schweden", "the
            # delivery of tanks to Kyiv by Poland": an explicit agent further on
            for g in self.post_groups(k, hi_s, w.get("nominal_agent_preps", ()), 12):
                if g.idx not in used and not g.is_origin:
                    agent, arule = g.actors, "nominal-agent"
                    used.add(g.idx)
                    break

        # English "invasion of X": of marks the target
        if trig.frame == "of_target" and not other:
            for g in self.post_groups(k, hi_s, ["of"], 3):
                if g.idx not in used:
                    other, orule = g.actors, "of-target"
                    used.add(g.idx)
                    break

        # "sanctions on 400 companies and individuals in China, Turkey and the UAE":
        # the state the sanctioned entities sit in is the target
        if not other and trig.subtype == "sanctions":
            ents = w.get("entity_nouns", frozenset())
            for g in self.groups:
                if g.idx in used or g.i <= k or g.i >= hi_s:
                    continue
                pos = g.members[0].marker_pos
                if (
                    g.marker in w.get("place_preps", ())
                    and 0 < pos - k <= 14
                    and self.lows[pos - 1] in ents
                ):
                    other, orule = g.actors, "entities-in"
                    used.add(g.idx)
                    break
        # object marked by a preposition after the trigger
        if not other:
            targets = obj_preps
            if trig.reverse:
                targets = w.get("source_preps", frozenset()) | obj_preps
            reported = w.get("reported", frozenset())
            for g in self.groups:
                if g.idx in used or g.i <= k or g.i >= hi_h:
                    continue
                near = 6 if g.marker in w.get("place_preps", ()) else 12
                if (
                    (g.marker in targets or g.marker == "assoc")
                    and g.members[0].marker_pos >= k
                    and g.members[0].marker_pos - k <= near
                    and (g.i < hi_s or g.i - k <= 6)
                ):
                    if trig.reverse and trig.frame == "usage":
                        continue
                    if g.i >= hi_s and any(self.lows[x] in reported for x in range(hi_s, g.i)):
                        continue  # "..., hieß es in London": where it was said
                    if trig.subtype == "condemnation" and self.event_between(
                        k, g.members[0].marker_pos
                    ):
                        continue  # "condemned Russia's attacks on Odesa": the attack's target
                    owner = self.place_owner(k, g, used)
                    if owner is not None:
                        # "strikes on the group's positions in Yemen": the group
                        other, orule = owner.actors, "target-owner"
                        used.add(owner.idx)
                        break
                    other, orule = g.actors, f"prep-{g.marker}"
                    used.add(g.idx)
                    break

        # "atacó posiciones de Hezbolá", "Ziele der Hisbollah angegriffen": the
        # possessor of the attacked positions is the target
        if not other and trig.subtype == "attack" and trig.pos == "verb":
            tnouns = w.get("target_nouns", frozenset())
            advs = self.adverbial_starts()
            for g in self.groups:
                if g.idx in used or not lo_h <= g.i < hi_h or abs(g.i - k) > 12:
                    continue
                if any(g.j <= b < k for b in advs):
                    continue  # "struck positions in Lebanon after the ... attack"
                pos = g.members[0].marker_pos
                before = self.lows[pos - 1] if pos > 0 else ""
                if (
                    g.marker in w.get("genitive_preps", ()) or g.marker in w.get("place_preps", ())
                ) and before in tnouns:
                    # also "Ziele in Pakistan angegriffen", "struck targets in Syria"
                    other, orule = g.actors, "target-possessor"
                    used.add(g.idx)
                    break
                if (
                    g.marker is None
                    and g.i >= 2
                    and self.lows[g.i - 1] in w.get("genitive_articles", ())
                    and self.lows[g.i - 2] in tnouns
                ):
                    other, orule = g.actors, "target-possessor"
                    used.add(g.idx)
                    break
            if not other:
                # "struck radar sites and missile launchers of the Houthis in Yemen": the
                # owner of what the verb's object names, when nothing else stands between
                gen = w.get("genitive_preps", frozenset())
                after = [g for g in self.groups if k < g.i < hi_s and g.idx not in used]
                first = after[0] if after else None
                if (
                    first is not None
                    and first.marker in gen
                    and not first.is_origin
                    and 1 < first.members[0].marker_pos - k <= 8
                    and not any(
                        self.trig[x]
                        or self.lows[x] in w["_clause_stop"] - w.get("conjunctions", frozenset())
                        for x in range(k + 1, first.members[0].marker_pos)
                    )
                ):
                    other, orule = first.actors, "object-possessor"
                    used.add(first.idx)
        # German infinitive ("..., um das Stromnetz zu zerstören"): the subject is
        # the controller in the clause before
        inf_markers = w.get("infinitive_markers", frozenset())
        infinitive = (
            "verb_second" in self.lx.features
            and trig.pos == "verb"
            and (
                (k > 0 and self.lows[k - 1] in inf_markers)
                or any(z in self.lows[k][2:-3] for z in inf_markers)  # "abzugeben"
            )
        )
        if not agent and infinitive:
            g = self.subject_left(lo_s, lo_h)
            if g is not None and g.idx not in used:
                agent, arule, aconf = g.actors, "controller", 0.85
                used.add(g.idx)
        # frame: "X vowed that Y would pay a heavy price"
        if trig.frame == "pay_price":
            left = [g for g in self.groups if lo_h <= g.i and g.j <= k and g.marker is None]
            if len(left) < 2:
                return []
            return [(a, o, 0.9, "threatener+pays") for a in left[0].actors for o in left[-1].actors]
        supplies = trig.type is RelationType.SUPPLIES
        if trig.frame == "prep_only" and not other:
            # "eingesetzt gegen X", "used against X": only a marked target counts
            for g in self.groups:
                if lo_s <= g.i < hi_s and g.idx not in used and g.marker in obj_preps:
                    other, orule = g.actors, f"prep-{g.marker}"
                    used.add(g.idx)
                    break
            if not other:
                return []
        # condemnation: the thing condemned is the noun phrase right after the verb
        if not other and trig.subtype == "condemnation" and trig.pos == "verb" and not is_noun:
            romance = (
                w.get("genitive_preps", frozenset())
                if "adjective_after_noun" in self.lx.features
                else frozenset()
            )
            # "Nach dem Angriff verurteilte die Bundesregierung das Vorgehen Moskaus":
            # with nothing before the verb, the first group after it is the subject
            inverted = v2 and not agent and self.subject_left(k, lo_s) is None
            for g in self.groups:
                if (
                    k < g.i < hi_s
                    and g.idx not in used
                    and (
                        (g.marker is None and g.i - k <= 6)
                        or (g.marker in romance and g.i - k <= 9)
                    )
                ):
                    if inverted and g.marker is None:
                        inverted = False
                        continue
                    other, orule = g.actors, "condemned"
                    used.add(g.idx)
                    break
        # condemning "the strike", "das Abkommen als Bedrohung", "la incursión": the
        # target is the agent of the event the noun phrase names, from the discourse
        if not other and trig.subtype in ("condemnation", "threat"):
            hit = self.event_agent(k, trig, lo_s, hi_s, agent)
            if hit is not None:
                other, orule, oconf = [hit], "event-agent", 0.85
        if not agent and trig.pos == "verb" and not is_noun:
            g = self.relative_antecedent(k, lo_s, lo_h)
            if g is not None and g.idx not in used:
                agent, arule = g.actors, "relative-antecedent"
                used.add(g.idx)
        # an adverbial clause has its own subject: "after Israeli jets struck",
        # "nachdem russische Truppen ... angegriffen hatten", "después de que la
        # policía ecuatoriana irrumpiera"
        if not agent and trig.pos == "verb" and not is_noun:
            b = self.adverbial_before(k, lo_s)
            if b >= 0:
                g = self.subject_left(k, b + 1, supplies, first=True)
                if g is not None and g.idx not in used:
                    agent, arule = g.actors, "clause-subject"
                    used.add(g.idx)
        # clause subject (left of a possessor already taken: "India has become one of
        # Armenia's main suppliers")
        if not agent:
            g = self.subject_left(k, lo_s, supplies, first=v2)
            while g is not None and g.idx in used and not v2:
                g = self.subject_left(g.i, lo_s, supplies)
            if g is not None and (
                (trig.pos == "verb" and self.complement_subject(g.j, k))
                or self.opens_complement(g.j, k)
            ):
                # "Seoul said that the hermit kingdom had supplied ...", "Rusia advierte
                # que las sanciones provocarían ...": not the speaker's act
                g = None
            if g is not None and g.idx not in used:
                agent, arule = g.actors, "clause-subject"
                used.add(g.idx)
        if not agent and trig.pos == "verb" and not self.relative_block(k, lo_s):
            g = self.first_after(k, hi_s, 3, used)
            if g is not None and v2:
                agent, arule, aconf = g.actors, "inverted-subject", 0.9
                used.add(g.idx)
        if not agent and not self.relative_block(k, lo_s) and lo_s > lo_h:
            # "Washington, Manila's treaty ally, condemned ...": the head before an
            # apposition is the subject, not the name inside it
            lo_prev, _ = self.clause_bounds(lo_s - 1, soft=True)
            g = self.appositive_head(lo_prev, lo_h)
            if g is not None and g.idx not in used and self.appositive_closes(lo_prev, lo_s):
                agent, arule, aconf = g.actors, "apposition-head", 0.85
                used.add(g.idx)
        if not agent and trig.pos == "verb" and lo_s > lo_h and self.embedded(lo_s - 1):
            g = self.head_before_embedded(lo_s, lo_h)
            if g is not None and g.idx not in used:
                agent, arule, aconf = g.actors, "head-before-embedded", 0.85
                used.add(g.idx)
        # (not for a passive without its agent: "..., mentre sono state attaccate le
        # ambasciate di Francia": who attacked is unsaid, not the last clause's subject)
        if not agent and not passive and not self.relative_block(k, lo_s):
            g = self.subject_left(k, lo_h, supplies)
            if g is not None and (
                (trig.pos == "verb" and self.complement_subject(g.j, k))
                or self.opens_complement(g.j, k)
            ):
                g = None
            if g is not None and g.idx not in used:
                agent, arule, aconf = g.actors, "previous-segment", 0.8
                used.add(g.idx)
                if g.idx > 0 and g.i > 0 and self.t[g.i - 1].text == ",":
                    head = self.groups[g.idx - 1]
                    if head.actors == g.actors and head.j == g.i - 1 and head.i >= lo_h:
                        # "El canciller israelí, Israel Katz, acusó": an apposition that
                        # names the head's state again confirms the subject
                        arule, aconf = "apposition-subject", 1.0
                elif self.name_apposition_after(g, lo_s):
                    # "Japan's foreign minister, Yoko Kamikawa, accused": a name set off
                    # by commas after the subject's title
                    arule, aconf = "apposition-subject", 1.0

        # German verb-final clause: the object stands before the verb
        if not other and v2 and not is_noun:
            left = [
                g
                for g in self.groups
                if lo_s <= g.i
                and g.j <= k
                and g.idx not in used
                and g.marker is None
                and not g.is_origin
            ]
            if (
                left
                and trig.type is RelationType.SUPPLIES
                and any(
                    lo_s <= g.i < k and g.marker in obj_preps and g.idx not in used
                    for g in self.groups
                )
            ):
                # "die Großbritannien im Rahmen des europäischen Konsortiums an Ankara
                # verkaufen will": the recipient is the "an" phrase
                left = []
            if left:
                other, orule, oconf = left[-1].actors, "verb-final-object", 0.85
                used.add(left[-1].idx)
        # direct object after a verb
        if not other and trig.pos == "verb" and not passive:
            g = self.first_after(k, hi_s, 5, used)
            if g is None and trig.type is RelationType.OPPOSES:
                # "expelled French troops", "attacked Russian positions": the origin of
                # the object is the target
                g = next(
                    (
                        g2
                        for g2 in self.groups
                        if k < g2.i < hi_s
                        and g2.i - k <= 3
                        and g2.is_origin
                        and g2.marker is None
                        and g2.idx not in used
                        and all(self.lows[x] in w["_np_skip"] for x in range(k + 1, g2.i))
                    ),
                    None,
                )
            if g is not None:
                other, orule, oconf = g.actors, "direct-object", 0.9
                used.add(g.idx)
        # fronted prepositional object ("auf Waren aus Indien Zölle"); in German
        # verb-final clauses this is the normal order ("an Moskau abgegeben")
        if not other and trig.reverse and v2 and trig.pos == "verb":
            # "Warschau hatte Kampfpanzer in Seoul bestellt": the source before the
            # participle
            for g in self.groups:
                if (
                    lo_s <= g.i
                    and g.j <= k
                    and g.idx not in used
                    and g.marker in obj_preps
                    and not g.is_origin
                ):
                    other, orule = g.actors, "preverbal-source"
                    used.add(g.idx)
        if not other and not trig.reverse:
            preverbal = v2 and trig.pos == "verb" and not is_noun
            sanction_sources = w.get("sanction_source_preps", frozenset())
            for g in self.groups:
                if (
                    lo_s <= g.i
                    and g.j <= k
                    and g.idx not in used
                    and g.marker
                    in (
                        obj_preps
                        | (sanction_sources if trig.subtype == "sanctions" else frozenset())
                    )
                    # "offensive in Gaza after the Hamas-led attack": another clause
                    and not any(g.j <= b < k for b in self.adverbial_starts())
                ):
                    other, orule = g.actors, "preverbal-prep" if preverbal else "fronted-object"
                    oconf = 1.0 if preverbal else 0.75
                    used.add(g.idx)

        # supplies: origin of the supplied items names the supplier
        if trig.type is RelationType.SUPPLIES:
            origin = [
                g for g in self.groups if lo_h <= g.i < hi_h and g.is_origin and g.idx not in used
            ]
            if trig.frame == "usage":
                skip = w["_np_skip"]
                origin = [
                    g
                    for g in origin
                    if lo_s <= g.i < hi_s
                    and abs(g.i - k) <= 8
                    and g.marker is None
                    # "Cambodian troops fired rockets": the origin of the subject is
                    # the user itself, not a supplier
                    and not (
                        g.j < k
                        and all(x in self.item_at or self.lows[x] in skip for x in range(g.j, k))
                    )
                ]
                if not origin:
                    # "used weapons supplied by the United Arab Emirates": the agent of a
                    # supply participle after the used items is their supplier
                    agent_preps = w.get("agent_preps", frozenset())
                    for g in self.groups:
                        p = g.members[0].marker_pos
                        if (
                            k < g.i < hi_h
                            and g.i - k <= 16
                            and g.idx not in used
                            and g.marker in agent_preps
                            and p > k + 1
                            and any(
                                r.type is RelationType.SUPPLIES and not r.reverse
                                for r in self.trig[p - 1]
                            )
                            and any(k < x < p for x in self.item_at)
                        ):
                            origin = [g]
                            break
            if trig.reverse:
                # subject receives; supplier from "von/aus/from" or the items' origin
                if origin:
                    other, orule = [a for g in origin for a in g.actors], "item-origin"
                elif not other:
                    seller = self.deal_partner(k, lo_h, used)
                    if seller is not None:
                        other, orule = seller.actors, "deal-partner"
                        used.add(seller.idx)
                elif trig.frame == "usage":
                    return []
                if not agent or not other:
                    return []
                return [(s, r, aconf * oconf, f"{orule}->{arule}") for s in other for r in agent]
            if not agent and origin:
                agent, arule, aconf = [a for g in origin for a in g.actors], "item-origin", 0.9
        if not other and trig.subtype == "threat" and agent:
            # a threat without a named target: the other party of the clause
            for g in self.groups:
                if (
                    lo_h <= g.i < hi_h
                    and g.idx not in used
                    and not g.is_origin
                    and not set(g.actors) & set(agent)
                ):
                    other, orule, oconf = g.actors, "threatened-party", 0.8
                    used.add(g.idx)
                    break
        if not agent and is_noun:
            # right-side fallback: the main clause subject after a fronted clause
            for g in self.groups:
                if (
                    g.i > k
                    and g.idx not in used
                    and g.marker is None
                    and not g.is_origin
                    and not g.is_modifier
                    and all(m.kind in STATE_LIKE for m in g.members)
                ):
                    agent, arule, aconf = g.actors, "right-fallback", 0.6
                    break
        if (
            agent
            and set(other) <= set(agent)
            and trig.subtype in ("attack", "occupation")
            and trig.pos == "verb"
        ):
            # "después de que la policía ecuatoriana irrumpiera en su embajada": the
            # possessor of the attacked place is the main clause's subject
            poss = w.get("possessives", frozenset())
            if any(self.lows[x] in poss for x in range(k + 1, min(k + 4, hi_s))):
                for g in self.groups:
                    if (
                        lo_h <= g.i < k
                        and g.idx not in used
                        and self.is_subject_candidate(g)
                        and not set(g.actors) & set(agent)
                    ):
                        other, orule, oconf = g.actors, "possessor-main-subject", 0.75
                        break
        if agent and not other and trig.type is RelationType.SUPPLIES and not trig.reverse:
            # "Israël, qui lui a vendu des drones": an object pronoun in a relative
            # clause stands for the main clause's subject
            pron = w.get("object_pronouns", frozenset())
            if any(self.lows[x] in pron for x in range(max(lo_s, k - 3), min(k + 3, hi_s))):
                for g in self.groups:
                    if (
                        lo_h <= g.i < k
                        and g.idx not in used
                        and self.is_subject_candidate(g)
                        and not set(g.actors) & set(agent)
                    ):
                        other, orule, oconf = g.actors, "pronoun-main-subject", 0.75
                        break
        if (
            arule in ("clause-subject", "previous-segment")
            and is_noun
            and self.condemnation_before(k, lo_s)
        ):
            # "Le Kremlin a condamné la livraison d'armes à Kiev", "condemned the
            # attacks on Odesa": the condemner is not the agent of what it condemns
            return []
        if bool(agent) != bool(other):
            agent, arule, aconf, other, orule, oconf = self.implicit_side(
                k, trig, passive, lo_h, hi_h, (agent, arule, aconf), (other, orule, oconf)
            )
        if not agent or not other:
            return []
        return [(a, o, aconf * oconf, f"{arule}+{orule}") for a in agent for o in other]

    def event_between(self, k: int, end: int) -> bool:
        """An attack or war noun between ``k`` and ``end`` (owner of a target phrase)."""
        for x in range(k + 1, end):
            if self.covered[x] < 0 and any(
                r.type is RelationType.OPPOSES and r.subtype in ("attack", "war", "occupation")
                for r in self.trig[x]
            ):
                return True
        return False

    def condemnation_before(self, k: int, lo: int) -> bool:
        """A condemning verb shortly before ``k`` in the clause."""
        for x in range(max(lo, k - 6), k):
            if self.covered[x] < 0 and any(
                r.subtype == "condemnation" and r.pos == "verb" and not self.nominal(x, r)
                for r in self.trig[x]
            ):
                # "which Somalia condemned as an attack on its sovereignty": a
                # predicative noun says what the condemner suffers
                return not any(self.lows[y] in self.w.get("as_words", ()) for y in range(x + 1, k))
        return False

    def has_nominal_agent_prep(self) -> bool:
        if self._nap is None:
            self._nap = not self.w.get("nominal_agent_preps", frozenset()).isdisjoint(self.lows)
        return self._nap

    def supply_verb_before(self, k: int, lo: int) -> bool:
        """A supplying verb (not a noun) shortly before ``k`` in the same clause."""
        for x in range(max(lo, k - 10), k):
            if self.covered[x] >= 0:
                continue
            for r in self.trig[x]:
                if (
                    r.type is RelationType.SUPPLIES
                    and r.pos == "verb"
                    and not r.reverse
                    and r.particle is None
                    and not self.nominal(x, r)
                ):
                    return True
        return False

    def event_agent(
        self, k: int, trig: Trigger, lo_s: int, hi_s: int, agent: list[str]
    ) -> str | None:
        """The actor whose act a condemnation names by a noun ("condemned the strikes",
        "criticó el acuerdo", "die Stationierung als Provokation"): the possessor of the
        event noun, else the agent of the latest statement of the event's kind."""
        facts = self.discourse.facts
        agent_preps = self.w.get("agent_preps", frozenset()) | self.w.get(
            "genitive_preps", frozenset()
        )
        for x in sorted(range(max(lo_s, k - 5), min(k + 6, hi_s)), key=lambda y: abs(y - k)):
            if x == k:
                continue
            if x > k and self.lows[x] in self.w.get("sanction_nouns", frozenset()):
                # "Beijing condemned the measures": who imposed the latest sanctions
                for subj, _rtype, sub, _obj in reversed(facts[-12:]):
                    if sub == "sanctions" and subj not in agent:
                        return subj
            if x > k and self.lows[x] in self.w.get("escalation_nouns", frozenset()):
                # "condemned the escalation": who attacked last
                last = self.discourse.last_attacker
                return last if last is not None and last not in agent else None
            if x > k and self.lows[x] in self.w.get("event_nouns", frozenset()):
                # "a condamné cette décision": the agent of the latest statement
                for subj, _rtype, _sub, _obj in reversed(facts[-8:]):
                    if subj not in agent:
                        return subj
                return None
            if not self.trig[x]:
                continue
            ev = self.trig[x][0]
            violent = ("attack", "war", "occupation")
            if ev.type is RelationType.OPPOSES and ev.subtype not in violent:
                continue  # threats, sanctions, accusations name no event to condemn
            for g in self.groups:
                # "Iran's strikes", "Beziehungen zwischen Baku und Israel", "die
                # Erweiterung der Allianz": the event noun names its actor
                if set(g.actors) & set(agent) or not lo_s <= g.i < hi_s:
                    continue
                if g.j in (x, x - 1) and (g.i > k or any(m.adj or m.gen for m in g.members)):
                    return g.actors[0]  # "condemned Iran's strikes", "die russischen Angriffe"
                if x < g.i <= x + 3 and (g.marker is None or g.marker in agent_preps):
                    # "the attack by Hamas", not "the attacks on Odesa" (the target)
                    return g.actors[0]
            if x > k and trig.subtype == "threat":
                continue  # "threatened to impose tariffs on ...": no event named
            for subj, rtype, sub, obj in reversed(facts[-30:]):
                if rtype != ev.type.value or (rtype == "OPPOSES" and sub not in violent):
                    continue
                if ev.type is RelationType.PARTNERSHIP:
                    # the party of the agreement that is the topic: one named in this
                    # sentence ("criticised the pact, saying Japan was ..."), else the
                    # first named
                    named = {a for g2 in self.groups for a in g2.actors}
                    parties = [
                        a
                        for s2, r2, _s, o2 in facts[-30:]
                        if r2 == rtype and {s2, o2} & {subj, obj}
                        for a in (s2, o2)
                    ]
                    for a in [*parties, subj, obj]:
                        if a in named and a not in agent:
                            return a
                    for a in (subj, obj):
                        if a not in agent:
                            return a
                    return None
                if subj not in agent:
                    return subj
                return None
            return None
        return None

    def deal_partner(self, k: int, lo_h: int, used: set[int]) -> Group | None:
        """The seller in "signed a deal with France to buy", "Vertrag mit Deutschland
        über den Kauf": the partner of a deal noun before a buying trigger."""
        deals = self.w.get("deal_nouns", frozenset())
        if not deals:
            return None
        for g in self.groups:
            if g.idx in used or g.i < lo_h or g.j > k or k - g.i > 12:
                continue
            pos = g.members[0].marker_pos
            if g.marker in self.w.get("comitative_preps", ()) and any(
                self.lows[x] in deals for x in range(max(lo_h, pos - 4), pos)
            ):
                return g
        return None

    def object_after(
        self, k: int, hi: int, window: int, exclude: set[int], genitive: bool = False
    ) -> Group | None:
        """The object after a verb: an unmarked group, a Spanish personal "a" object
        ("apoyan a Serbia"), or with ``genitive`` the possessor of the object noun
        ("reconnu la souveraineté du Maroc", "recognised the independence of Kosovo")."""
        ok: set[str | None] = {None, *self.w.get("personal_object_markers", ())}
        if genitive:
            ok |= self.w.get("genitive_preps", frozenset())
        for g in self.groups:
            if g.i <= k or g.i >= hi or self.gap(k, g.i) > window or g.idx in exclude:
                continue
            if g.is_origin:
                continue
            if g.marker in ok and (g.marker is None or g.members[0].marker_pos > k):
                return g
            if g.marker is None or g.members[0].marker_pos > k:
                return None  # another prepositional phrase comes first
        return None

    def post_adjective(self, k: int) -> Group | None:
        """An adjective mention right after a noun (other adjectives may come between):
        "les sanctions occidentales", "la invasión rusa", "drones iraniens"."""
        x = k + 1
        steps = 0
        while x < len(self.t) and steps < 3:
            cov = self.covered[x]
            if cov >= 0:
                m = self.mentions[cov]
                if m.adj and not m.derived:
                    return self.group_of(m)
                return None
            low = self.lows[x]
            if not (self.t[x].is_word and low.isalpha() and self.t[x].text.islower()):
                return None
            if low in self.w.get("prepositions", ()) or low in self.w.get("conjunctions", ()):
                return None
            x += 1
            steps += 1
        return None

    def relative_antecedent(self, k: int, lo_s: int, lo_h: int) -> Group | None:
        """The subject of a relative clause is the actor right before it: "Russia,
        which has sent troops", "la Russie, qui a envoyé", "Rusia, que ha enviado"."""
        rel = self.w.get("relative_subject", frozenset())
        x = lo_s
        if x < len(self.t) and self.t[x].text == ",":
            x += 1
        if x >= k or self.lows[x] not in rel:
            return None
        if "capitalised_nouns" in self.lx.features and (
            x + 1 >= len(self.t) or not self.t[x + 1].text.islower()
        ):
            return None  # ", die Ukraine ..." is an article, not a relative pronoun
        if any(self.covered[y] >= 0 for y in range(x + 1, k)):
            return None  # the clause has a subject of its own
        start = lo_s if self.t[lo_s].text == "," else x
        for idx, g in enumerate(self.groups):
            if g.j == start and g.i >= lo_h and not g.is_origin:
                if g.marker in self.w.get("place_preps", ()) and idx > 0:
                    # "the Houthi rebels in Yemen, who fired": the head before the place
                    head = self.groups[idx - 1]
                    if head.j + 1 == g.i and head.i >= lo_h and not head.is_origin:
                        return head
                return g
        return None

    def name_apposition_after(self, g: Group, lo_s: int) -> bool:
        """The segment opening at ``lo_s`` follows ", Name Name," and the group ``g``
        stands at most 4 tokens before that comma (its title: "'s foreign minister")."""
        t = self.t
        x = lo_s - 1 if lo_s > 0 and t[lo_s - 1].text == "," else lo_s
        if x <= 0 or t[x].text != ",":
            return False
        y = x - 1
        while y > g.j and x - y <= 4 and t[y].text[:1].isupper() and t[y].is_word:
            y -= 1
        if y == x - 1 or t[y].text != ",":
            return False
        return y - g.j <= 4 and not any(self.covered[z] >= 0 for z in range(g.j, y))

    def accused_controller(self, k: int) -> Group | None:
        """The accused group when the verb at ``k`` follows "accuse X of" / "acusar a X
        de" / "accuser X de" (the preposition right before the verb)."""
        if k < 3 or self.lows[k - 1] not in self.w.get("genitive_preps", ()):
            return None
        for a in range(k - 2, max(-1, k - 9), -1):
            if any(tr.frame == "accuse" for tr in self.trig[a]):
                for g in self.groups:
                    if a < g.i and g.j == k - 1:
                        return g
                if a + 1 == k - 1:
                    # "20 Chinese companies accused of supplying": the head before the
                    # participle is the accused
                    for g in reversed(self.groups):
                        if g.j <= a and a - g.j <= 2:
                            return g
                return None
        return None

    def appositive_head(self, lo_s: int, lo_h: int) -> Group | None:
        """The group that ends right at the comma opening the segment at ``lo_s`` and
        opens its clause: the head an apposition ("X, Y's ally, ...") describes."""
        if lo_s <= lo_h or self.t[lo_s].text != ",":
            return None
        for g in self.groups:
            if g.j == lo_s and g.i >= lo_h and self.is_subject_candidate(g):
                before = self.lows[lo_h : g.i]
                arts = self.w.get("articles", frozenset())
                if all(x in arts for x in before):
                    return g
        return None

    def head_before_embedded(self, lo_s: int, lo_h: int) -> Group | None:
        """The main clause subject when relative clauses or appositions stand between
        it and the verb: "N'Djamena, qui a acheté ..., s'est rapproché de la Russie"."""
        x = lo_s
        for _ in range(3):
            if x <= lo_h or self.t[x].text != ",":
                return None
            lo_prev, _hi = self.clause_bounds(x - 1, soft=True)
            head = self.appositive_head(lo_prev, lo_h)
            if head is not None:
                return head
            if not (self.embedded(lo_prev) or self.appositive_closes(lo_prev, x)):
                return None
            x = lo_prev
        return None

    def appositive_closes(self, lo_prev: int, lo_s: int) -> bool:
        """The segment [lo_prev, lo_s) is a short noun phrase closed by a comma: an
        apposition, not a clause of its own."""
        if self.t[lo_s].text != "," or lo_s - lo_prev > 10:
            return False
        return not any(any(t.pos == "verb" for t in self.trig[x]) for x in range(lo_prev + 1, lo_s))

    def unknown_recipient(self, k: int, trig: Trigger, hi: int) -> bool:
        """A recipient preposition after the trigger governs a name: one the lexicon does
        not know ("shipped weapons to Mogadishu"), or a known one past the items ("ont
        fourni des armes, équipements et mercenaires à la FSR") - either way the
        recipient is said, not to be guessed from the topic."""
        preps = trig.obj_preps or self.lx.obj_preps.get(trig.type, frozenset())
        skip = self.w.get("articles", frozenset())
        for x in range(k + 1, min(hi, k + 13)):
            if self.lows[x] in preps:
                y = x + 1
                while y < hi and self.lows[y] in skip:
                    y += 1
                if y < hi and self.t[y].text[:1].isupper():
                    return True
        return False

    def unnamed_target(self, k: int, trig: Trigger, hi: int) -> bool:
        """Sanctions "on leaders of six armed groups", "against 20 individuals": the
        target is said, as people or bodies the lexicon does not name, and is not to be
        guessed from the topic."""
        preps = trig.obj_preps or self.lx.obj_preps.get(trig.type, frozenset())
        people = self.w.get("member_nouns", frozenset()) | self.w.get("listed_nouns", frozenset())
        for x in range(k + 1, min(hi, k + 10)):
            if self.lows[x] in preps:
                return any(self.lows[y] in people for y in range(x + 1, min(hi, x + 5)))
        return False

    def implicit_side(
        self,
        k: int,
        trig: Trigger,
        passive: bool,
        lo_h: int,
        hi_h: int,
        agent_side: tuple[list[str], str, float],
        other_side: tuple[list[str], str, float],
    ) -> tuple[list[str], str, float, list[str], str, float]:
        """A trigger with one argument in its sentence takes the other from the
        discourse: the partner of an earlier statement of the same kind ("Russian
        attacks" after "Russia's war against Ukraine"), else the document's topic for
        deliveries and sanctions whose recipient or target goes without saying."""
        agent, arule, aconf = agent_side
        other, orule, oconf = other_side
        d = self.discourse
        rtype = trig.type.value
        topic_kinds = STATE_LIKE
        if trig.type is RelationType.SUPPLIES:
            if trig.reverse or trig.frame in ("usage", "supplier_noun"):
                return agent, arule, aconf, other, orule, oconf
            # what is supplied is named next to the trigger; deployments ("troops near
            # the border") and a recipient that is no known actor ("to Mogadishu")
            # name no recipient to infer
            has_items = any(
                lo_h <= x < hi_h and k - 3 <= x <= k + 6 for x in self.item_at
            ) or trig.subtype in ("aid", "finance")
            if not has_items or trig.frame == "deploy" or self.unknown_recipient(k, trig, hi_h):
                return agent, arule, aconf, other, orule, oconf
            if (
                agent
                and (len(agent) == 1 or arule == "passive-agent")
                and arule in STRONG_AGENT_RULES
            ):
                # "jets were donated by Russia and Belarus": the topic received them
                hit = d.salient(topic_kinds, agent, self.sent)
                if hit:
                    other, orule, oconf = [hit], "topic-recipient", 0.7
            elif other and len(other) == 1 and (passive or self.nominal(k, trig)):
                hit = d.known_partner(other[0], rtype, "subject") or d.salient(
                    topic_kinds, other, self.sent
                )
                if hit:
                    agent, arule, aconf = [hit], "topic-supplier", 0.7
        elif trig.type is RelationType.OPPOSES and trig.subtype in (
            "attack",
            "war",
            "sanctions",
            "occupation",
        ):
            if agent and len(agent) == 1 and arule in STRONG_AGENT_RULES:
                hit = d.known_partner(agent[0], rtype, "object")
                if hit:
                    other, orule, oconf = [hit], "known-target", 0.8
                elif trig.subtype == "sanctions" and not self.unnamed_target(k, trig, hi_h):
                    hit = d.salient(topic_kinds, agent, self.sent)
                    if hit:
                        other, orule, oconf = [hit], "topic-target", 0.7
            elif other and len(other) == 1:
                hit = d.known_partner(other[0], rtype, "subject")
                if hit:
                    agent, arule, aconf = [hit], "known-agent", 0.8
        return agent, arule, aconf, other, orule, oconf

    # --- PARTNERSHIP --------------------------------------------------------------------

    def partnership(
        self, k: int, trig: Trigger, lo_s: int, hi_s: int, lo_h: int, hi_h: int
    ) -> list[tuple[str, str, float, str]]:
        w = self.w
        g: Group | None
        parts: list[str] = []
        rules: list[str] = []
        conf = 1.0

        owners: list[str] = []  # the possessor of an "ally" noun ("Russia's allies", "of Russia")

        def take(g: Group | None, why: str) -> None:
            if g is None or g.is_origin:
                return
            for a in g.actors:
                if a not in parts:
                    parts.append(a)
            if why in ("post-genitive", "partner-prep"):
                owners.extend(a for a in g.actors if a not in owners)
            elif why == "pre-modifier":
                # "Nicaragua, Cuba and Venezuela, Russia's allies": the genitive owns
                owners.extend(
                    m.actor
                    for m in g.members
                    if (m.gen or m.derived == "possessive") and m.actor not in owners
                )
            if why not in rules:
                rules.append(why)

        mediation = w.get("mediation_words", frozenset())
        for g in self.pre_modifiers(k):
            if mediation and any(
                self.t[m.j - 1].hyph and m.j < len(self.lows) and self.lows[m.j] in mediation
                for m in g.members
            ):
                continue  # "the Russian-brokered deal": the broker is no party to it
            take(g, "pre-modifier")
        if k > 0 and self.t[k - 1].hyph and self.covered[k - 1] >= 0:
            take(self.group_of(self.mentions[self.covered[k - 1]]), "compound")
            if "compound_names_target" not in self.lx.features:
                head = self.first_after(k, hi_h, 3, set())
                # "Iran-backed Houthis": the head noun itself; "Iran-aligned militias
                # attacked US bases" names no partner (a verb stands in between)
                if head is not None and not any(self.trig[x] for x in range(k + 1, head.i)):
                    take(head, "compound-head")
        preps = (trig.obj_preps or self.lx.obj_preps.get(trig.type, frozenset())) | w.get(
            "partner_preps", frozenset()
        )
        for g in self.groups:
            if (
                g.i > k
                and g.i < hi_s
                and g.marker in preps
                and g.members[0].marker_pos >= k
                and g.i - k <= 8
                # "an agreement to counter a Turkish offensive": the adjective belongs
                # to another act, it names no partner
                and not (g.j < len(self.lows) and self.trig[g.j] and all(m.adj for m in g.members))
            ):
                take(g, "partner-prep")
                break
        reduced = self.reduced_relative(k, trig)
        if reduced is not None:
            agent_g, head_g = reduced
            return [
                (a, b, 0.9, "participle-agent+head")
                for a in agent_g.actors
                for b in head_g.actors
                if a != b
            ]
        backers: list[str] = []
        if trig.pos == "verb" and self.is_passive(k, trig, lo_h, hi_h):
            # "Haftar is supported by Egypt, Russia and the UAE", "wird von Ägypten und
            # Russland unterstützt": the agents back the subject, not each other
            agent_preps = w.get("agent_preps", frozenset())
            v2_order = "verb_second" in self.lx.features
            for g in self.groups:
                near_after = g.i > k and 0 < g.members[0].marker_pos - k <= 3
                before = v2_order and lo_s <= g.i and g.j <= k
                if g.i < hi_s and g.marker in agent_preps and (near_after or before):
                    backers = list(g.actors)
                    # the backed one: the relative clause's head ("Haftar, who is
                    # supported by ..."), else the clause subject
                    head = self.relative_antecedent(k, lo_s, lo_h) or self.subject_left(k, lo_s)
                    if head is None:
                        break
                    return [
                        (a, b, 0.9, "passive-agent+backed")
                        for a in backers
                        for b in head.actors
                        if a != b
                    ]
        if trig.pos != "verb" or trig.frame in ("ally", "membership"):
            # "Mitglied der Nato", "Verbündeter Irans", "member of NATO", "ally of Iran"
            for g in self.post_groups(k, hi_s, [None, *w.get("genitive_preps", ())], 3):
                if (
                    g.marker is None
                    and "genitive_case" not in self.lx.features
                    and not any(m.gen for m in g.members)
                ):
                    continue
                take(g, "post-genitive")
                break
        if trig.pos == "verb" and "attributive_participles" in self.lx.features:
            # attributive participle: "der von Kigali unterstützten Miliz M23"
            agent_preps = w.get("agent_preps", frozenset())
            backer = next((g for g in self.groups if g.j == k and g.marker in agent_preps), None)
            if backer is not None:
                backed = self.first_after(k, hi_s, 3, {backer.idx})
                if backed is not None:
                    return [
                        (a, b, 0.85, "participle-agent+head")
                        for a in backer.actors
                        for b in backed.actors
                        if a != b
                    ]
        named_pair = len(parts) >= 2
        v2 = "verb_second" in self.lx.features
        subj = self.subject_left(k, lo_s, first=v2)
        if (
            subj is not None
            and v2
            and (trig.pos == "verb" or trig.frame == "membership")
            and lo_s > lo_h
            and self.embedded(lo_s - 1)
        ):
            # "Finnland, das ... teilt, war der Nato beigetreten": after a relative
            # clause the verb comes first; the group after it is an object
            head = self.head_before_embedded(lo_s, lo_h)
            if head is not None and head is not subj:
                take(subj, "object")
                subj = None
        if (
            subj is None
            and (trig.pos == "verb" or trig.frame == "membership")
            and lo_s > lo_h
            and self.embedded(lo_s - 1)
        ):
            head = self.head_before_embedded(lo_s, lo_h)
            if head is not None and not parts:
                subj = head  # "Finnland, das ... teilt, war der Nato beigetreten"
            elif head is not None and not set(head.actors) & set(parts):
                # the subject acts on each object; coordinated objects are not
                # partners of each other ("rapproché de la Russie et de la Hongrie")
                return [
                    (a, b, 0.85, "+".join([*rules, "head-before-embedded"]))
                    for a in head.actors
                    for b in parts
                ]
        if named_pair and trig.pos != "verb":
            subj = None  # "Annäherung der beiden Länder", "ties between X and Y"
        elif subj is None and trig.pos == "verb" and (v2 or self.subject_left(k, lo_h) is None):
            # V2 inversion may put an article and a count before the subject ("gründeten
            # die drei Länder Mali, Niger ..."); not past a subject set off by commas
            # ("Turkey, along with Qatar, backs the GNA")
            subj = self.first_after(k, hi_s, 5 if v2 else 3, set())
        if trig.frame == "ally" and len(parts) == 1 and (subj is None or parts == subj.actors):
            # "Die Hisbollah, Irans wichtigster Verbündeter, ...": the apposition's head
            head = self.appositive_head(lo_s, lo_h)
            arts = w.get("articles", frozenset())
            if head is None and self.t[lo_s].text == "," and self.lows[lo_s + 1] in arts:
                # "... to irritate Moscow, a traditional ally of Belgrade, ..."
                head = next((g for g in self.groups if g.j == lo_s), None)
            if head is not None:
                take(head, "apposition-head")
                subj = head
        if subj is None and not named_pair:
            subj = self.subject_left(k, lo_h)
        take(subj, "subject")
        if subj is not None and parts and parts[0] not in subj.actors:
            # the clause subject first: statement memory reads it as the acting party
            parts.sort(key=lambda a: a not in subj.actors)
        if (
            subj is not None
            and (trig.pos == "noun" or self.nominal(k, trig))
            and "partner-prep" not in rules
        ):
            # "sichert Kim Putin seine Unterstützung zu": subject and dative partner (a
            # partner named after the noun, "das Abkommen mit der Türkei", is the one)
            for g in self.groups:
                if lo_s <= g.i and g.j <= k and g is not subj and self.is_subject_candidate(g):
                    take(g, "dative-partner")
        # "gemeinsam mit X", "together with X"
        com = w.get("comitative", frozenset())
        for g in self.groups:
            if (
                lo_h <= g.i < hi_h
                and g.marker in w.get("comitative_preps", ())
                and g.members[0].marker_pos > 0
                and self.lows[g.members[0].marker_pos - 1] in com
            ):
                take(g, "comitative")
        if trig.frame == "founding":
            # "Mali, Niger und Burkina Faso gründeten die Allianz der Sahelstaaten": the
            # founders ally with each other; founding anything but a bloc says nothing
            obj = self.object_after(k, hi_s, 6, {subj.idx} if subj is not None else set())
            if obj is None:
                # "ont formé avec Niamey l'Alliance des États du Sahel": the bloc may
                # follow a comitative partner
                obj = next(
                    (
                        g
                        for g in self.groups
                        if k < g.i < hi_s
                        and g.i - k <= 10
                        and g.marker is None
                        and (subj is None or g.idx != subj.idx)
                    ),
                    None,
                )
            blocs_in_subject = [a for a in parts if self.kinds.get(a) in ("bloc", "organization")]
            if obj is None and blocs_in_subject and len(blocs_in_subject) < len(parts):
                # "gründeten die drei Länder Mali, Niger und Burkina Faso die Allianz der
                # Sahelstaaten": the bloc after the list was read into it
                members = [a for a in parts if a not in blocs_in_subject]
                return [
                    (a, b, 0.85, "+".join([*rules, "founder-member"]))
                    for a in members
                    for b in blocs_in_subject
                ] + [
                    (a, b, 0.85, "+".join([*rules, "founders"]))
                    for a, b in itertools.combinations(members, 2)
                ]
            if obj is None or not all(
                self.kinds.get(a) in ("bloc", "organization") for a in obj.actors
            ):
                return []
            # each founder is a member of the bloc, and the founders allied
            members = [a for a in parts if a not in obj.actors]
            return [
                (a, b, 0.9, "+".join([*rules, "founder-member"]))
                for a in members
                for b in obj.actors
            ] + [
                (a, b, 0.9, "+".join([*rules, "founders"]))
                for a, b in itertools.combinations(members, 2)
            ]
        if trig.frame == "permit":
            # "Helsinki erlaubte den US-Truppen, ... zu lagern", "allowed US forces to
            # use its bases": the host state and the forces it lets in (their origin
            # adjective names them, so origin groups count here)
            if subj is None:
                return []
            for g in self.groups:
                if (
                    g is not subj
                    and g.i > subj.i
                    and lo_h <= g.i < hi_h
                    and abs(g.i - k) <= 6
                    and (g.marker is None or g.marker in w.get("dative_preps", ()))
                ):
                    return [
                        (a, b, 0.9, "permitting-subject+permitted")
                        for a in subj.actors
                        for b in g.actors
                        if a != b
                    ]
            return []
        if (
            trig.pos == "verb"
            and subj is not None
            and trig.frame in ("default", "recognize")
            and parts == subj.actors
        ):
            # "Rusia y China apoyan a Serbia", "la France a reconnu la souveraineté du
            # Maroc": a coordinated subject backs the object, not each other
            window = 8 if trig.frame == "recognize" else 6
            obj = self.object_after(k, hi_s, window, {subj.idx}, genitive=trig.frame == "recognize")
            if obj is not None:
                return [
                    (a, b, 1.0, f"subject+{trig.frame}-object")
                    for a in subj.actors
                    for b in obj.actors
                    if a != b
                ]
            if trig.frame == "recognize":
                return []
        # verbs: direct object ("backed X", "joined NATO")
        # ("Egypt, Iran and the UAE joined BRICS": a coordinated subject joins too)
        if trig.pos == "verb" and (
            len(parts) < 2 or trig.frame == "membership" or rules[-1:] == ["comitative"]
        ):
            # ("Turkey, along with Qatar, backs the GNA": both back the object)
            used = {subj.idx} if subj is not None else set()
            obj_g = self.first_after(k, hi_s, 4, used)
            if rules[-1:] == ["comitative"] and obj_g is not None:
                backing = [a for a in parts if a not in obj_g.actors]
                return [
                    (a, b, conf, "+".join([*rules, "direct-object"]))
                    for a in backing
                    for b in obj_g.actors
                ]
            take(obj_g, "direct-object")
        if trig.frame == "ally" and not owners and self.possessive_before(k):
            # "Bashar al-Assad and his allies Iran and Russia": the possessive's antecedent
            # owns the allies
            head = next((h for h in reversed(self.groups) if h.j <= k and not h.is_origin), None)
            if head is not None:
                owners.extend(a for a in head.actors if a not in owners)
                for a in head.actors:
                    if a not in parts:
                        parts.append(a)
        if trig.frame == "ally" and owners and len(parts) == len(owners):
            # "Russia's allies Iran and North Korea", "Assad and its allies Iran and Russia":
            # the names right after the noun are the allies
            take(self.first_after(k, hi_s, 2, set()), "apposition-list")
        if len(parts) > (12 if trig.frame == "membership" else 5):
            hubs = [a for a in parts if a not in self.region_actors]
            if trig.frame == "membership" or not 1 <= len(hubs) <= 2 or hubs == parts:
                return []
            # "China and the five Central Asian states": each named party with each
            # member of the region (not every member with every other)
            return [
                (a, b, 0.8, "+".join([*rules, "region"]))
                for a in hubs
                for b in parts
                if b not in hubs
            ]
        if trig.frame == "membership":
            blocs = [a for a in parts if self.kinds.get(a) in ("bloc", "organization")]
            members = [a for a in parts if a not in blocs]
            if not blocs and ("post-genitive" in rules or "direct-object" in rules):
                return []  # "joined South Africa's case against Israel": no bloc joined
            if not blocs:
                bloc = self.discourse.last_of_kind(frozenset({"bloc"}), self.sent, window=3)
                if bloc is None:
                    # "Finnland wurde 2023 aufgenommen" in an article about NATO
                    bloc = self.discourse.salient(
                        frozenset({"bloc"}), members, self.sent, min_weight=1.0
                    )
                if bloc is None:
                    return []
                blocs, conf = [bloc], 0.65
                rules.append("implicit-bloc")
            return [(m, b, conf, "+".join(rules)) for m in members for b in blocs]
        if len(parts) < 2:
            return []
        if backers and len(backers) < len(parts):
            backed_ones = [a for a in parts if a not in backers]
            return [(a, b, conf, "+".join(rules)) for a in backers for b in backed_ones]
        listed = [a for a in parts if a not in owners]
        if trig.frame == "ally" and owners and len(listed) >= 2:
            # "Nicaragua, Cuba and Venezuela, Russia's allies", "... are allies of Russia":
            # each is Russia's ally, the list says nothing of their ties to each other
            return [(a, b, conf, "+".join(rules)) for a in listed for b in owners]
        if len(rules) == 1 and rules[0] == "subject" and len(parts) >= 2:
            conf = 0.95  # "Russland und Nordkorea haben eine Partnerschaft vereinbart"
        out = []
        for x in range(len(parts)):
            for y in range(x + 1, len(parts)):
                out.append((parts[x], parts[y], conf, "+".join(rules)))
        return out

    # --- cues -------------------------------------------------------------------------

    def negated_np(self, k: int) -> bool:
        """A negation inside the trigger's noun phrase ("no Russian attacks")."""
        neg = self.w.get("negation", frozenset())
        return any(self.lows[x] in neg for x in range(max(0, k - 3), k))

    def adverbial_before(self, k: int, lo: int) -> int:
        """Position of the last adverbial subordinator ("after", "nachdem", "después
        de que") in [lo, k), or -1: the clause it opens has a subject of its own."""
        sub = self.w.get("adverbial_subordinators", frozenset())
        for x in range(k - 1, lo - 1, -1):
            if self.lows[x] in sub:
                return x
        return -1

    def adverbial_starts(self) -> list[int]:
        """Positions of adverbial subordinators followed closely by an actor (a clause
        with a subject of its own), once per sentence."""
        if self._adverbial is None:
            sub = self.w.get("adverbial_subordinators", frozenset())
            n = len(self.lows)
            self._adverbial = [
                x
                for x, low in enumerate(self.lows)
                if low in sub and any(self.covered[y] >= 0 for y in range(x + 1, min(x + 6, n)))
            ]
        return self._adverbial

    def embedded(self, x: int) -> bool:
        """True when the comma segment of token x is a relative or subordinate clause
        ("Serbia, which has refused ..., has bought", "after Israeli jets struck")."""
        seg = self.seg
        v = seg[x]
        hit = self._embedded.get(v)
        if hit is not None:
            return hit
        self._embedded[v] = result = self._embedded_segment(x)
        return result

    def _embedded_segment(self, x: int) -> bool:
        seg = self.seg
        v = seg[x]
        s0 = x
        while s0 > 0 and seg[s0 - 1] == v:
            s0 -= 1
        if self.t[s0].text == "," and s0 + 1 < len(self.t):
            s0 += 1
        w = self.w
        first = self.lows[s0]
        if first in w.get("relative", frozenset()):
            return True
        # "after Israeli jets struck" has a subject of its own; "after switching
        # recognition" shares the main clause's subject (and its negation)
        return first in w.get("subordinators", frozenset()) and any(
            self.covered[y] >= 0 for y in range(s0 + 1, min(s0 + 6, len(self.t)))
        )

    def negated(self, k: int, lo_s: int, hi_s: int, lo_h: int, cues: bool = True) -> bool:
        """Is the statement at k negated or denied? ``cues``: denial verbs count too (not
        for a demand, whose object is the very act it demands: "urged X to withdraw")."""
        neg = self.w.get("negation", frozenset())
        lows = self.lows
        report = lo_s > lo_h and self.report_complement(lo_s)
        if lo_s > lo_h and self.embedded(k) and not report:
            lo_h = lo_s  # a relative/subordinate clause is denied only by its own words
        # a demand's object is the act it demands: "urged Rwanda to end support for M23"
        # ending a war presupposes it: "an agreement to end the fighting" states that
        # the two sides fought
        fighting = bool(self.trig[k]) and all(r.subtype == "war" for r in self.trig[k])
        cessation = self.w.get("cessation", frozenset()) if cues and not fighting else frozenset()
        refusal = self.w.get("refusal_nouns", frozenset()) | cessation
        if any(
            lows[x] in refusal and not (lows[x] in cessation and x > 0 and lows[x - 1] in neg)
            for x in range(max(lo_s, k - 3), k)
        ):
            # "su negativa a reconocer", "refusal to recognise", "to cut financial aid to"
            return True
        if cessation and any(
            lows[x] in cessation
            and self.seg[x] == self.seg[k]
            and not any(lows[y] in neg for y in range(max(k + 1, x - 2), x))
            # "signed a deal to end the fighting": what ends is the noun after it
            and not any(self.trig[y] for y in range(x + 1, min(x + 4, hi_s)))
            for x in range(k + 1, hi_s)
        ):
            # "hat die Friedensgespräche mit der ELN ausgesetzt", "aid to Mali was cut"
            return True
        adversative = self.w.get("adversative", frozenset())
        adversative_free = self.w.get("adversative_free", frozenset())
        barrier = [b for b in self.adverbial_starts() if lo_h <= b < hi_s]

        conj = self.w.get("conjunctions", frozenset())
        reported = self.w.get("reported", frozenset())

        def across(x: int) -> bool:
            # "México rompió relaciones ... después de que la policía irrumpiera"
            if any(min(x, k) < b <= max(x, k) for b in barrier):
                return True
            # "denied any involvement and warned Washington", "said no Americans were
            # harmed and announced sanctions": a conjunction right before the trigger
            # verb opens a new predicate the negation does not reach
            return x < k and any(
                lows[c] in conj
                and (
                    self.trig[c + 1]
                    # "did not deny the reports and said that ...": a new report
                    or any(lows[y] in reported for y in range(c + 1, min(c + 3, k)))
                )
                for c in range(x + 1, k)
            )

        if cues and self.denial is None:
            self.denial = self.lx.denial.lookup_all(lows)
        # "did not deny that ...", "hat nicht dementiert": a negated denial asserts
        denied_denial = {
            y
            for x in range(lo_h, hi_s)
            if lows[x] in neg
            for y in range(x + 1, min(x + 5, hi_s))
            if cues and self.denial is not None and self.denial[y]
        }
        negating_denial = {
            x
            for x in range(lo_h, hi_s)
            if lows[x] in neg and any(x < y <= x + 4 for y in denied_denial)
        }
        for x in range(lo_s, hi_s):
            low = lows[x]
            if x in negating_denial:
                continue
            if x > k and (low in adversative_free or (low in adversative and lows[x - 1] == ",")):
                break  # "condemned the strikes but said it did not want ..."
            if low in neg:
                if across(x):
                    continue
                nxt = lows[x + 1] if x + 1 < len(lows) else ""
                if nxt in self.w.get("restrictive", ()):  # "not only"
                    continue
                if cessation and any(lows[y] in cessation for y in range(x + 1, min(x + 3, hi_s))):
                    continue  # "has not stopped", "n'a pas suspendu": it goes on
                return True
        if not cues or self.denial is None:
            return False
        ends = self.w.get("cessation", frozenset())
        for x in range(lo_h, hi_s):
            if x == k or not self.denial[x] or x in denied_denial:
                continue
            if lows[x] in ends and (
                fighting or (x > k and any(self.trig[y] for y in range(x + 1, min(x + 4, hi_s))))
            ):
                # "agreed to end the war": the war was; "a deal to end the fighting": the
                # deal stands, what ends is the fighting
                continue
            if x < lo_s and self.seg[x] != self.seg[k] and self.embedded(x) and not report:
                continue  # negation does not leak out of an embedded clause
            if across(x):
                continue
            if self.denial[x]:
                rx = self.lx.particle_verbs.get(self.denial[x][0])
                if rx is not None and not self._later_in_clause(x, rx):
                    continue
                return True
        return False

    def report_complement(self, lo: int) -> bool:
        """Does the clause at ``lo`` say what a report says ("Berichte, wonach ...",
        "reports that ...", "les informations selon lesquelles ...")? Then a denial of
        the report denies it: the clause is no relative clause of its own."""
        comp = self.w.get("complementizers", frozenset())
        nouns = self.w.get("report_nouns", frozenset())
        if not comp or not nouns:
            return False
        x = lo
        while x < len(self.lows) and not self.t[x].is_word and x - lo < 2:
            x += 1  # the comma that opens the clause
        if x >= len(self.lows) or self.lows[x] not in comp:
            return False
        # the noun right before, or before the participle that closes a German main
        # clause ("hat Berichte zurückgewiesen, wonach ...")
        words = [y for y in range(max(0, x - 4), x) if self.t[y].is_word]
        return any(self.lows[y] in nouns for y in words[-2:])

    def modality(self, k: int, lo_h: int, hi_h: int) -> tuple[Modality, str | None, float]:
        w, lows = self.w, self.lows
        spec = w.get("speculative", frozenset())
        rep = w.get("reported", frozenset())
        speculative = self._spec.get((lo_h, hi_h))
        if speculative is None:
            speculative = self._spec[lo_h, hi_h] = not spec.isdisjoint(lows[lo_h:hi_h])
        if self._reported is None:
            # per sentence, not per trigger
            self._reported = (any(low in rep for low in lows), self.attribution())
        reported, attributed = self._reported
        if speculative:
            return Modality.SPECULATIVE, attributed, 0.75
        if reported or attributed:
            return Modality.REPORTED, attributed, 0.9
        return Modality.ASSERTED, None, 1.0

    def attribution(self) -> str | None:
        lows, t = self.lows, self.t
        rp = self.w.get("report_preps", frozenset())
        for x, low in enumerate(lows):
            if low in rp:
                # "laut Pentagon", "according to the Pentagon", "Beobachtern zufolge"
                if low in self.w.get("postposed_report_preps", ()):
                    lo = x - 1
                    while lo > 0 and t[lo - 1].is_word and x - lo < 4:
                        lo -= 1
                    return " ".join(tok.text for tok in t[lo:x]) or None
                y = x + 1
                if y < len(lows) and lows[y] in self.w.get("report_to_preps", ()):
                    y += 1
                end = y
                for m in self.mentions:
                    if y <= m.i <= y + 2:
                        end = m.j  # "laut Pentagon", "according to the White House"
                        break
                else:
                    while end < len(t) and t[end].is_word and end - y < 4:
                        end += 1
                return " ".join(tok.text for tok in t[y:end]) or None
        for x, low in enumerate(lows):
            if low in self.w.get("attribution_nouns", ()) and x > 0:
                src_preps = self.w.get("source_noun_preps", frozenset())
                end = x + 1
                while (
                    end < len(t)
                    and t[end].is_word
                    and end - x < 4
                    and lows[end] not in self.w.get("finite_aux", ())
                ):
                    end += 1
                start = x - 1
                while start > 0 and lows[start] not in src_preps and x - start < 4:
                    start -= 1
                return " ".join(tok.text for tok in t[start + 1 : end]) or None
        for trig_k, trig in (
            (k, tr) for k in range(len(lows)) for tr in self.trig[k] if tr.frame == "accuse"
        ):
            g = self.subject_left(trig_k, 0)
            if g is not None:
                return " ".join(tok.text for tok in t[g.i : g.j])
            del trig
        return None

    def items_near(self, k: int, lo: int, hi: int) -> tuple[list[str], str]:
        items: list[str] = []
        sub = ""
        for x in sorted(self.item_at):
            if lo <= x < hi:
                item, subtype = self.item_at[x]
                if item not in items:
                    items.append(item)
                if not sub:
                    sub = subtype
        return items, sub
