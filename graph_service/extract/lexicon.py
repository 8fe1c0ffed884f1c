"""Lexicons: data files per language, loaded once, compiled into fast lookup tables.

Code here is the mechanism; the words live in ``graph_service/data/lexicons``:
``actors.yaml`` (which territories are states, blocs, groups, organs),
``persons.yaml`` (leaders mapped to the actor they stand for), ``langid.yaml`` and one
file per language (``de.yaml``, ``en.yaml``, ...) with short forms, adjectives and their
inflection, demonyms, metonyms, function words, cues, items and relation triggers.
Country names in every language come from CLDR through Babel.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.core import get_global
from pydantic import ValidationError

from graph_service.config import get_settings
from graph_service.errors import ConfigurationError
from graph_service.extract import schema
from graph_service.extract.morph import Normalizer, lemmatizer
from graph_service.extract.text import tokenize
from graph_service.models import Actor, ActorKind, RelationType

log = logging.getLogger(__name__)

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicons"
FALLBACK_LANGUAGE = "en"
# the catalog lists German names apart (Actor.names_de): the API's second language
GERMAN_NAMES = "de"
# libyaml's loader when PyYAML was built with it: the lexicons load several times faster.
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_yaml(name: str) -> Any:
    """A lexicon file, parsed once and checked against its schema (extract.schema): a
    broken file fails with its name and the key."""
    path = LEXICON_DIR / name
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        raise ConfigurationError(f"lexicon {name}: not valid YAML: {error}") from error
    schema.validate(name, data)
    return data


def analyst_actors() -> schema.AnalystActors:
    """The analysts' own actors, aliases and persons (setting GRAPH_SERVICE_ACTORS_FILE),
    or nothing when the setting is unset."""
    path = get_settings().actors_file
    if path is None:
        return schema.AnalystActors()
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
    except OSError as error:
        raise ConfigurationError(
            f"GRAPH_SERVICE_ACTORS_FILE {path}: cannot read it: {error.strerror or error}"
        ) from error
    except yaml.YAMLError as error:
        raise ConfigurationError(
            f"GRAPH_SERVICE_ACTORS_FILE {path}: not valid YAML: {error}"
        ) from error
    try:
        return schema.AnalystActors.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise ConfigurationError(
            f"GRAPH_SERVICE_ACTORS_FILE {path}: {where}: {first['msg']}"
        ) from error


def _rule_languages() -> tuple[str, ...]:
    """Languages with a lexicon of their own: every ``<code>.yaml`` in the lexicon folder
    whose ``lang`` key names its code. Adding a language is adding its file."""
    found = []
    for path in sorted(LEXICON_DIR.glob("*.yaml")):
        if re.fullmatch(r"[a-z]{2,3}", path.stem):
            with path.open(encoding="utf-8") as fh:
                head = fh.read(4096)
            if re.search(rf"^lang:\s*{path.stem}\s*$", head, re.MULTILINE):
                found.append(path.stem)
    return tuple(found)


RULE_LANGUAGES = _rule_languages()


def fold(text: str) -> str:
    """Lower-case, strip accents and collapse spaces: the key for name search."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


# --- actors ---------------------------------------------------------------------------


@dataclass(slots=True)
class ActorInfo:
    id: str
    kind: ActorKind
    name: str
    names: dict[str, list[str]] = field(default_factory=dict)  # lang -> names
    aliases: list[str] = field(default_factory=list)
    state: str | None = None  # persons: the actor they stand for
    role: str | None = None


@lru_cache(maxsize=1)
def _alpha3() -> dict[str, str]:
    options: dict[str, list[str]] = {}
    for alias, targets in get_global("territory_aliases").items():
        if len(alias) == 3 and alias.isalpha() and len(targets) == 1 and len(targets[0]) == 2:
            options.setdefault(targets[0], []).append(alias)
    table: dict[str, str] = {}
    for a2, aliases in options.items():
        # CLDR also lists retired codes (DDR, FXX); the current one usually starts
        # with the alpha-2 code
        same = [a for a in aliases if a.startswith(a2)]
        table[a2] = same[-1] if same else aliases[-1]
    table.update(load_yaml("actors.yaml").get("alpha3") or {})
    return table


@cache
def _first_conjunction(lang: str) -> str:
    """The language's "and", for CLDR names written with "&"."""
    code = lang if lang in RULE_LANGUAGES else FALLBACK_LANGUAGE
    words = (load_yaml(f"{code}.yaml").get("words") or {}).get("conjunctions") or "and"
    return str(words).split()[0]


def _clean_cldr(name: str, lang: str) -> list[str]:
    names = [re.sub(r"\s*\(.*?\)", "", name).strip()]
    paren = re.search(r"\((.*?)\)", name)
    if paren:
        names.append(paren.group(1))
    conj = _first_conjunction(lang)
    out = []
    for n in names:
        out.append(n.replace(" & ", f" {conj} ").replace("’", "'"))
    return out


@lru_cache(maxsize=1)
def _base_actors() -> dict[str, ActorInfo]:
    """States (CLDR names), blocs, organisations, groups and persons."""
    data = load_yaml("actors.yaml")
    alpha3 = _alpha3()
    actors: dict[str, ActorInfo] = {}
    locales = {lang: Locale.parse(lang) for lang in RULE_LANGUAGES}
    for a2 in data["states"].split():
        a3 = alpha3.get(a2)
        if not a3:
            log.warning("no alpha-3 code for %s", a2)
            continue
        names = {lang: _clean_cldr(loc.territories[a2], lang) for lang, loc in locales.items()}
        actors[a3] = ActorInfo(a3, ActorKind.STATE, names["en"][0], names)
    for aid, spec in (data.get("others") or {}).items():
        kind = ActorKind(spec["kind"])
        names = {lang: list(v) for lang, v in spec["names"].items()}
        actors[aid] = ActorInfo(aid, kind, names["en"][0], names, state=spec.get("state"))
    for aid, per_lang in (data.get("state_organs") or {}).items():
        for _lang, forms in per_lang.items():
            actors[aid].aliases.extend(forms)
    own = analyst_actors()
    for aid, other in own.actors.items():
        names = {lang: list(v) for lang, v in other.names.items()}
        if aid in actors:  # more names for a known actor
            for lang, forms in names.items():
                actors[aid].names.setdefault(lang, []).extend(forms)
        else:
            actors[aid] = ActorInfo(
                aid, ActorKind(other.kind), names["en"][0], names, state=other.state
            )
    for aid, forms in own.aliases.items():
        if aid not in actors:
            raise ConfigurationError(
                f"GRAPH_SERVICE_ACTORS_FILE: aliases.{aid}: no actor with this ID "
                "(add it under 'actors' first)"
            )
        actors[aid].aliases.extend(forms)
    persons = [*load_yaml("persons.yaml"), *(p.model_dump() for p in own.persons)]
    for spec in persons:
        pid = re.sub(r"[^A-Z0-9]+", "_", fold(spec["name"]).upper()).strip("_")
        info = ActorInfo(
            pid,
            ActorKind.PERSON,
            spec["name"],
            {"en": [spec["name"]]},
            list(spec.get("forms") or []),
            state=spec["state"],
            role=spec.get("role"),
        )
        if spec.get("surname", True):
            info.aliases.append(spec["name"].split()[-1])
        actors[pid] = info
    return actors


@dataclass(slots=True)
class Form:
    """One surface form in the actor index."""

    lows: tuple[str, ...]
    actor: str | None  # canonical ID the mention stands for; None blocks the span
    adj: bool = False  # adjective ("nordkoreanische", "Russian")
    gen: bool = False  # genitive ("Russlands", "Putins")
    demonym: bool = False  # people noun ("Russen", "Americans")
    policy: str = "any"  # any | cap (first letter upper) | exact
    surface: str = ""


def _policy(surface: str) -> str:
    letters = [c for c in surface if c.isalpha()]
    if not letters:
        return "any"
    if len(letters) <= 4 and all(c.isupper() for c in letters):
        return "exact"
    return "cap" if surface[0].isupper() else "any"


# --- triggers, items, language tables ---------------------------------------------------


@dataclass(slots=True)
class Trigger:
    key: str
    type: RelationType
    subtype: str
    strength: float
    pos: str  # noun | verb | adj
    frame: str = "default"
    reverse: bool = False
    particle: re.Pattern[str] | None = None
    # a particle later in the clause that makes it another verb ("kündigte ... an")
    unless_particle: re.Pattern[str] | None = None
    requires: re.Pattern[str] | None = None
    # the next word that makes it no trigger: "armed" in "armed forces", "armed groups"
    unless_next: re.Pattern[str] | None = None
    needs_item: bool = False
    # a conflict both sides wage: "the conflict between X and Y", "X and Y clashed"
    mutual: bool = False
    # false: the frame's decision is final, the ranker adds nothing for this trigger
    # ("Italien und Spanien bildeten eine Regierung": founding no bloc says nothing)
    rankable: bool = True
    # the other side must be of these kinds ("Mali left ECOWAS": a bloc, not "left Kyiv")
    object_kinds: frozenset[str] | None = None
    obj_preps: frozenset[str] | None = None


@dataclass(slots=True)
class ItemWord:
    item: str
    subtype: str


class _RegexTable:
    """Full-match a token against many patterns, memoised per token."""

    def __init__(self, patterns: list[str], values: list[Any]) -> None:
        self._values = values
        self._regexes = [re.compile(p) for p in patterns]
        self._memo: dict[str, tuple[Any, ...]] = {}
        if patterns:
            joined = "|".join(f"(?:{p})" for p in patterns)
            self._any: re.Pattern[str] | None = re.compile(f"(?:{joined})")
        else:
            self._any = None

    def lookup_all(self, lows: list[str]) -> list[tuple[Any, ...]]:
        """``lookup`` for every token of a sentence."""
        memo, lookup = self._memo, self.lookup
        return [memo[low] if low in memo else lookup(low) for low in lows]

    def lookup(self, low: str) -> tuple[Any, ...]:
        hit = self._memo.get(low)
        if hit is not None:
            return hit
        if self._any is None or not self._any.fullmatch(low):
            res: tuple[Any, ...] = ()
        else:
            res = tuple(
                v for rx, v in zip(self._regexes, self._values, strict=True) if rx.fullmatch(low)
            )
        if len(self._memo) < 200_000:
            self._memo[low] = res
        return res


def _words(spec: Any) -> frozenset[str]:
    if spec is None:
        return frozenset()
    if isinstance(spec, str):
        return frozenset(spec.lower().split())
    for w in spec:
        if isinstance(w, bool):  # YAML 1.1 reads on/off/yes/no as booleans
            raise ValueError(f"lexicon word list {spec!r}: quote the word read as {w}")
    return frozenset(str(w).lower() for w in spec)


@dataclass
class Language:
    """Everything the extractor knows about one language, compiled."""

    code: str
    abbreviations: frozenset[str]
    forms: dict[str, list[Form]]  # first low token -> forms, longest first
    adjective_forms: dict[str, str]  # low adjective form -> actor (for "pro-" prefixes)
    w: dict[str, frozenset[str]]  # word classes
    coref_numbers: dict[str, int]
    coref_nouns: dict[str, str]  # low noun -> "state" | "any"
    anaphors: dict[str, str]  # low noun -> group | country | bloc | military
    obj_preps: dict[RelationType, frozenset[str]]
    triggers: _RegexTable
    items: _RegexTable
    denial: _RegexTable
    participle: re.Pattern[str]
    particle_verbs: dict[str, re.Pattern[str]]  # denial cue -> required particle
    # grammar properties the engine branches on (never on the language code): see
    # FEATURES and the `features:` section of each lexicon file
    features: frozenset[str] = frozenset()
    adjective_endings: tuple[str, ...] = ()  # non-empty inflection endings of adjectives
    modifier_endings: tuple[str, ...] = ()  # words that may stand inside a noun phrase
    # two-word items ("air defence"): (first, second) low tokens -> item
    compound_items: dict[tuple[str, str], ItemWord] = field(default_factory=dict)
    reference_words: frozenset[str] = frozenset()  # words that may refer back
    # `features.lemmatizer`: low token -> lemma, applied to the actor index here and to
    # every token by the pipeline; None (no lemmatisation) for most languages
    normalize: Normalizer | None = None

    def __post_init__(self) -> None:
        self.reference_words = (
            frozenset(self.coref_numbers)
            | frozenset(self.anaphors)
            | self.w.get("plural_pronouns", frozenset())
            | self.w.get("singular_pronouns", frozenset())
            | self.w.get("possessives", frozenset())
        )
        # unions the rules need per token, built once here instead of per call
        w, e = self.w, frozenset[str]()
        w["_np_skip"] = w.get("articles", e) | w.get("modifiers", e)
        w["_np_stop"] = w.get("prepositions", e) | w.get("conjunctions", e)
        w["_clause_stop"] = (
            w.get("conjunctions", e) | w.get("relative", e) | w.get("subordinators", e)
        )
        w["_coord_ok"] = (
            frozenset({",", "'s", "’s"}) | w.get("conjunctions", e) | w.get("articles", e)
        )
        # nouns for armed forces: the `military` anaphors and the word class of that name
        w["_military"] = w.get("military", e) | frozenset(
            noun for noun, cls in self.anaphors.items() if cls == "military"
        )


# Grammar properties a lexicon file may switch on under `features:` (true/false).
FEATURES = {
    "verb_second": "finite verb second in main clauses, verb-final subordinate clauses, "
    "subject after the verb when something else is fronted (German)",
    "capitalised_nouns": "nouns are written with a capital letter, so case tells a noun "
    "from a verb and an inflected adjective from a name (German)",
    "genitive_case": "an unmarked actor right after a noun can be its genitive owner "
    "('Überfall Russlands')",
    "compound_names_target": "a name joined by a hyphen to a trigger noun is its target "
    "('Russland-Sanktionen'); without it the name is the agent ('Iran-backed')",
    "attributive_participles": "participle phrases stand before the noun they modify, "
    "with their agent ('der von Kigali unterstützten Miliz')",
    "adjective_after_noun": "adjectives follow the noun ('sanctions occidentales')",
    "relative_blocks_subject": "a relative pronoun after a non-actor noun opens a clause "
    "whose subject is that noun ('lenders that help finance')",
    "titlecase_acronyms": "acronyms are also written with only a capital initial "
    "('Usa', 'Nato', 'Otan', 'Ypg')",
}


def _features(spec: dict[str, Any], code: str) -> frozenset[str]:
    raw = spec.get("features") or {}
    if not isinstance(raw, dict):
        raise ValueError(f"{code}.yaml: 'features' must be a mapping of feature: true|false")
    unknown = [k for k in raw if k not in FEATURES and k not in ("lemmatizer", "word_order")]
    if unknown:
        raise ValueError(
            f"{code}.yaml: unknown feature(s) {', '.join(map(str, unknown))}; "
            f"known: {', '.join(FEATURES)}"
        )
    order = raw.get("word_order", "svo")
    if order not in ("svo", "v2"):
        raise ValueError(f"{code}.yaml: features.word_order must be svo or v2, not {order!r}")
    on = {k for k, v in raw.items() if k in FEATURES and v is True}
    if order == "v2":
        on.add("verb_second")
    return frozenset(on)


def _compound_items(spec: dict[str, Any], code: str) -> dict[tuple[str, str], ItemWord]:
    out: dict[tuple[str, str], ItemWord] = {}
    for entry in spec.get("compound_items") or []:
        lows = tuple(t.low for t in tokenize(str(entry["words"])))
        if len(lows) != 2:
            raise ValueError(f"{code}.yaml: compound_items {entry['words']!r} must be two words")
        out[(lows[0], lows[1])] = ItemWord(entry["item"], entry["subtype"])
    return out


def _inflect(form: str, suffixes: list[str], skip: re.Pattern[str] | None) -> list[str]:
    out = [form]
    if skip is not None and skip.search(form):
        return out
    out.extend(form + s for s in suffixes if s)
    return out


def _add(index: dict[str, list[Form]], surface: str, actor: str | None, **flags: Any) -> None:
    lows = tuple(t.low for t in tokenize(surface))
    if not lows:
        return
    policy = flags.pop("policy", None) or _policy(surface)
    index.setdefault(lows[0], []).append(Form(lows, actor, policy=policy, surface=surface, **flags))


def _drop_other_actors(index: dict[str, list[Form]], surface: str, actor: str) -> None:
    lows = tuple(t.low for t in tokenize(surface))
    if lows and lows[0] in index:
        index[lows[0]] = [f for f in index[lows[0]] if f.lows != lows or f.actor in (actor, None)]


# --- lemmatised languages (features.lemmatizer) -------------------------------------------


def _normalizer(spec: dict[str, Any], code: str) -> Normalizer | None:
    name = (spec.get("features") or {}).get("lemmatizer")
    return lemmatizer(str(name), code) if name else None


def _normalized_index(
    index: dict[str, list[Form]], normalize: Normalizer, spec: dict[str, Any]
) -> dict[str, list[Form]]:
    """The actor index keyed on lemmas: every surface token normalised the way the
    pipeline normalises text tokens ("России" and "Россия" -> "россия", "Северная Корея"
    -> "северный корея"). Surfaces that meet on the same lemmas are kept once. A name
    whose lemmas are all words of the language's word classes ("Того" -> "тот") is
    dropped: it would match every demonstrative."""
    function_words: set[str] = set()
    for v in (spec.get("words") or {}).values():
        function_words.update(_words(v))
    out: dict[str, list[Form]] = {}
    seen: set[tuple[Any, ...]] = set()
    for forms in index.values():
        for f in forms:
            lows = tuple(normalize(low) for low in f.lows)
            if f.actor is not None and all(low in function_words for low in lows):
                log.debug("actor form %r (%s) lemmatises to function words", f.surface, f.actor)
                continue
            # exact forms (acronyms) compare their surface with the text: keep each one
            exact = f.surface if f.policy == "exact" else ""
            key = (lows, f.actor, f.adj, f.gen, f.demonym, f.policy, exact)
            if key in seen:
                continue
            seen.add(key)
            f.lows = lows
            out.setdefault(lows[0], []).append(f)
    return out


@cache
def language(code: str) -> Language:
    """The compiled lexicon for a language; unknown languages get the English rules
    with the country names CLDR has for them."""
    rules_code = code if code in RULE_LANGUAGES else FALLBACK_LANGUAGE
    spec: dict[str, Any] = load_yaml(f"{rules_code}.yaml")
    common = load_yaml("actors.yaml")
    actors = _base_actors()
    infl = spec.get("inflection") or {}
    name_suffixes: list[str] = list(infl.get("name_suffixes") or [])
    skip_re = re.compile(infl["name_suffix_skip"]) if infl.get("name_suffix_skip") else None
    adj_endings: list[str] = list(infl.get("adjective_endings") or [""])
    adj_rules: dict[str, list[str]] = dict(infl.get("adjective_rules") or {})
    index: dict[str, list[Form]] = {}
    adjective_forms: dict[str, str] = {}

    name_langs = list(dict.fromkeys([rules_code, FALLBACK_LANGUAGE]))
    cldr_extra: Locale | None = None
    if code not in RULE_LANGUAGES:
        try:
            cldr_extra = Locale.parse(code)
        except Exception:  # unknown locale: English names only
            cldr_extra = None
    alpha3 = _alpha3()
    for info in actors.values():
        if info.kind is ActorKind.PERSON:
            assert info.state is not None
            for surface in [info.name, *info.aliases]:
                for f in _inflect(surface, name_suffixes, skip_re):
                    _add(index, f, info.state, gen=f != surface)
            continue
        for lang in name_langs:
            for surface in info.names.get(lang, []):
                for f in _inflect(surface, name_suffixes, skip_re):
                    _add(index, f, info.id, gen=f != surface)
        for surface in info.aliases:
            for f in _inflect(surface, name_suffixes, skip_re):
                _add(index, f, info.id, gen=f != surface)
    if cldr_extra is not None:
        for a2 in common["states"].split():
            a3 = alpha3.get(a2)
            if a3 and a2 in cldr_extra.territories:
                for surface in _clean_cldr(cldr_extra.territories[a2], code):
                    _add(index, surface, a3)
    for aid, surfaces in (spec.get("names") or {}).items():
        for surface in surfaces:
            # the language file's own names win over CLDR's: Spanish "Congo" is the DR
            # Congo in the news, not CLDR's Republic of the Congo
            _drop_other_actors(index, surface, aid)
            for f in _inflect(surface, name_suffixes, skip_re):
                _add(index, f, aid, gen=f != surface)
    capitals: dict[str, list[str]] = common.get("capitals") or {}
    for aid, surfaces in [*(spec.get("metonyms") or {}).items(), *capitals.items()]:
        for surface in surfaces:
            for f in _inflect(surface, name_suffixes, skip_re):
                _add(index, f, aid, gen=f != surface)
    for aid, listed in (spec.get("adjectives") or {}).items():
        for stem in _adjective_forms(listed, adj_rules):
            for ending in adj_endings:
                surface = stem + ending
                _add(index, surface, aid, adj=True)
                adjective_forms[surface.lower()] = aid
    for aid, surfaces in (spec.get("demonyms") or {}).items():
        for surface in surfaces:
            _add(index, surface, aid, demonym=True)
    for rid, region in (common.get("regions") or {}).items():
        for surface in region["names"].get(rules_code, []):
            _add(index, surface, REGION_PREFIX + rid)
    for surface in common.get("blocked") or []:
        _add(index, surface, None)
    normalize = _normalizer(spec, rules_code)
    if normalize is not None:
        index = _normalized_index(index, normalize, spec)
    features = _features(spec, rules_code)
    if "titlecase_acronyms" in features:
        # Italian and French papers write "Usa", "Nato", "Ypg", "Otan": every acronym
        # form also matches with only its first letter upper case
        for forms in index.values():
            extra = [
                Form(f.lows, f.actor, f.adj, f.gen, f.demonym, "cap", f.surface.capitalize())
                for f in forms
                if f.policy == "exact" and f.surface.isalpha() and f.surface.isupper()
            ]
            forms.extend(extra)
    for forms in index.values():
        forms.sort(key=lambda f: -len(f.lows))

    words = {k: _words(v) for k, v in (spec.get("words") or {}).items()}
    trig_patterns: list[str] = []
    trig_values: list[Trigger] = []
    defaults: dict[str, Any] = spec.get("trigger_defaults") or {}
    for n, t in enumerate(spec.get("triggers") or []):
        rtype = RelationType(t["type"])
        d = {**defaults.get(t["type"], {}), **t}
        trig_patterns.append(d["match"])
        trig_values.append(
            Trigger(
                key=f"{rules_code}:{t['type'].lower()}:{n}:{d['match']}",
                type=rtype,
                subtype=d.get("subtype", ""),
                strength=float(d.get("strength", 0.7)),
                pos=d.get("pos", "noun"),
                frame=d.get("frame", "default"),
                reverse=bool(d.get("reverse", False)),
                particle=re.compile(d["particle"]) if d.get("particle") else None,
                unless_particle=(
                    re.compile(d["unless_particle"]) if d.get("unless_particle") else None
                ),
                requires=re.compile(d["requires"]) if d.get("requires") else None,
                unless_next=re.compile(d["unless_next"]) if d.get("unless_next") else None,
                needs_item=bool(d.get("needs_item", False)),
                mutual=bool(d.get("mutual", False)),
                rankable=bool(d.get("rankable", True)),
                object_kinds=frozenset(d["object_kinds"]) if d.get("object_kinds") else None,
                obj_preps=_words(d["obj_preps"]) if d.get("obj_preps") else None,
            )
        )
    item_patterns = [i["match"] for i in spec.get("items") or []]
    item_values = [ItemWord(i["item"], i["subtype"]) for i in spec.get("items") or []]
    denial_specs = spec.get("denial") or []
    particle_verbs = {
        d["match"]: re.compile(d["particle"]) for d in denial_specs if d.get("particle")
    }
    compiled = Language(
        code=code,
        abbreviations=_words(spec.get("abbreviations")),
        forms=index,
        adjective_forms=adjective_forms,
        w=words,
        coref_numbers={
            str(k).lower(): int(v) for k, v in (spec.get("coref_numbers") or {}).items()
        },
        coref_nouns={
            w: cls for cls, ws in (spec.get("coref_nouns") or {}).items() for w in _words(ws)
        },
        anaphors={w: cls for cls, ws in (spec.get("anaphors") or {}).items() for w in _words(ws)},
        obj_preps={RelationType(k): _words(v) for k, v in (spec.get("obj_preps") or {}).items()},
        triggers=_RegexTable(trig_patterns, trig_values),
        items=_RegexTable(item_patterns, item_values),
        denial=_RegexTable([d["match"] for d in denial_specs], [d["match"] for d in denial_specs]),
        participle=re.compile(spec.get("participle") or r"(?!)"),
        particle_verbs=particle_verbs,
        features=features,
        adjective_endings=tuple(e for e in adj_endings if e),
        modifier_endings=tuple(str(e) for e in infl.get("modifier_endings") or [] if e),
        compound_items=_compound_items(spec, rules_code),
        normalize=normalize,
    )
    log.debug("lexicon %s: %d first tokens, %d triggers", code, len(index), len(trig_values))
    return compiled


def _adjective_forms(listed: list[str], rules: dict[str, list[str]]) -> list[str]:
    """The listed forms of an origin adjective and the forms the lexicon's
    ``adjective_rules`` derive from them ("azerbaïdjanais" -> "azerbaïdjanaise",
    "azerbaïdjanaises"): the longest ending that matches is replaced."""
    out = dict.fromkeys(listed)
    endings = sorted(rules, key=len, reverse=True)
    for form in listed:
        if " " in form:
            continue  # multi-word forms are listed as they are
        for ending in endings:
            if form.endswith(ending) and len(form) > len(ending) + 2:
                stem = form[: len(form) - len(ending)]
                out.update(dict.fromkeys(stem + e for e in rules[ending]))
                break
    return list(out)


REGION_PREFIX = "region:"


@lru_cache(maxsize=1)
def region_members() -> dict[str, tuple[str, ...]]:
    """Index actor of a region ("region:CENTRAL_ASIA") -> the states it names."""
    regions = load_yaml("actors.yaml").get("regions") or {}
    return {REGION_PREFIX + rid: tuple(r["members"]) for rid, r in regions.items()}


@lru_cache(maxsize=1)
def actor_owners() -> dict[str, str]:
    """State-owned companies and similar: actor -> the state it also stands for."""
    return {
        aid: a.state
        for aid, a in _base_actors().items()
        if a.state and a.kind is not ActorKind.PERSON
    }


# --- catalog ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def actor_catalog() -> dict[str, Actor]:
    """Every actor the lexicons know, by canonical ID (persons by their own ID)."""
    actors = _base_actors()
    extra: dict[str, set[str]] = {aid: set() for aid in actors}
    names_de: dict[str, list[str]] = {aid: list(a.names.get("de", [])) for aid, a in actors.items()}
    for code in RULE_LANGUAGES:
        spec = load_yaml(f"{code}.yaml")
        for section in ("names", "metonyms", "adjectives", "demonyms"):
            for aid, surfaces in (spec.get(section) or {}).items():
                if aid in extra:
                    extra[aid].update(surfaces)
                    if code == GERMAN_NAMES and section == "names":
                        names_de[aid].extend(s for s in surfaces if s not in names_de[aid])
    for aid, surfaces in (load_yaml("actors.yaml").get("capitals") or {}).items():
        if aid in extra:
            extra[aid].update(surfaces)
    out: dict[str, Actor] = {}
    for aid, a in actors.items():
        names_en = list(a.names.get("en", []))
        aliases = sorted(
            (set(a.aliases) | extra[aid] | {n for ns in a.names.values() for n in ns})
            - set(names_en)
            - set(names_de[aid])
        )
        out[aid] = Actor(
            id=aid,
            name=a.name,
            kind=a.kind,
            names_de=names_de[aid],
            names_en=names_en,
            aliases=aliases,
            state=a.state,
            role=a.role,
        )
    return out


@lru_cache(maxsize=1)
def _name_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for aid, actor in actor_catalog().items():
        target = actor.state if actor.kind is ActorKind.PERSON and actor.state else aid
        for n in [actor.name, *actor.names_en, *actor.names_de, *actor.aliases]:
            index.setdefault(fold(n), target)
    for code in RULE_LANGUAGES:
        lang = language(code)
        for forms in lang.forms.values():
            for f in forms:
                if f.actor:
                    index.setdefault(fold(f.surface), f.actor)
    for aid in actor_catalog():
        index.setdefault(fold(aid), aid)
    return index


def resolve_actor_name(text: str) -> str | None:
    """Canonical actor ID for any name, short form, adjective, capital or leader
    ("Nordkorea" -> "PRK", "Kreml" -> "RUS", "Putin" -> "RUS"), else None."""
    key = fold(text)
    if not key:
        return None
    hit = _name_index().get(key)
    if hit:
        return hit
    if key.startswith(("the ", "der ", "die ", "das ", "le ", "la ", "les ", "el ")):
        return _name_index().get(key.split(" ", 1)[1])
    return None


@lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    """Folded names and surnames of the persons the lexicon knows (with a genitive s)."""
    out: set[str] = set()
    for info in _base_actors().values():
        if info.kind is ActorKind.PERSON:
            for name in [info.name, *info.aliases]:
                f = fold(name)
                out.update((f, f + "s"))
    return frozenset(out)
