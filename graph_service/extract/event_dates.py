"""When a statement happened, as its sentence says: event dates and periods.

Every statement keeps its document's date (the report). Where the sentence dates the
event ("im Juni 2023", "last week", "en 2019", "в марте 2024 года", "el pasado martes") or
a period ("seit 2022", "depuis juin 2023", "dal 2019 al 2021"), the statement also gets
that time and a ``date_kind`` (``models.DateKind``): ``event``, ``period_start`` or
``period``; otherwise ``reported``.

The mechanism is here; the words are data, one file per language in
``graph_service/data/dates/<code>.yaml`` (schema: ``extract.schema.DatesFile``): month
and weekday names with their inflected forms, the prepositions that date (in, seit,
depuis, desde, в, a), that open a period (since, seit, с, dal) or a range (from ... to,
zwischen ... und), parts of a year (Ende 2022, a finales de), past markers of weekdays
(last Tuesday, mardi dernier) and expressions relative to the document's date
("vor drei Tagen", "la semana pasada", "на прошлой неделе").

The reader is conservative: no date rather than a wrong one.

- A year alone counts only with a word that makes it a date ("in 2019", "im Jahr 2019",
  "Ende 2022", "в 2019 году"); "2023 drones", ages, quantities and resolution numbers
  are no dates. A month alone needs a preposition ("in May"; the modal "may" is no month:
  in English and German names count only capitalised, elsewhere only in lower case).
- Expressions without a year (a month, a day and month, a weekday, "last week") are
  placed relative to the document's date and need one. A month or day without a year is
  the latest one not after the document's date, if that is no more than two months back
  (else it may be next year's: no date).
- A time after the document's date is a plan, not the statement's time: not used; nor
  is a bound ("bis heute", "until 2025", "до 2025 года") or the baseline of a
  comparison ("the worst clash since 2019", "erstmals seit 2019").
- The date of a statement is the expression nearest to its trigger within the trigger's
  clause (its comma segment); failing that, an expression that opens the sentence, set
  off by a comma ("In 2019, ..."), dates the whole sentence. A date in another clause
  ("..., which invaded Ukraine in 2022, ...") is not used.

Why no library: ``dateparser`` (PyPI) was measured on sentences of this kind: it took
"may" and "2023 drones" for dates, lost the month in "в марте 2024 года", has no notion
of "since" or of a range, and took about 1 ms a sentence (a quarter of second per MB at
the extractor's rate of statements, after a 0.2 s first call). The rules here take a few
microseconds a sentence and only run on sentences that gave a statement.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from graph_service.errors import ConfigurationError
from graph_service.extract import schema
from graph_service.models import DateKind

DATES_DIR = Path(__file__).resolve().parent.parent / "data" / "dates"

# how far back a month or day without a year may lie in the previous year
_PREVIOUS_YEAR_WINDOW = dt.timedelta(days=62)
_MIN_YEAR, _MAX_YEAR = 1900, 2099
# numbers with separators stay one token (24.02.2022, 2022-02-24, 2,000); apostrophes
# and hyphens separate words and are dropped ("l'an dernier", "mi-2023", "avant-hier")
_TOKEN_RE = re.compile(r"\d+(?:[./-]\d+)+|\w+|[^\w\s'’‘`´\-‐‑–—]")
_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY_RE = re.compile(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})")
_YEARISH_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_WORD_RE = re.compile(r"\w+")
_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}  # months of a year's part


@dataclass(frozen=True, slots=True)
class DateSpan:
    """One date expression of a sentence: where it is, what kind and which days."""

    start: int  # character offsets in the document (or the title)
    end: int
    kind: DateKind
    first: dt.date
    last: dt.date | None  # None: an open period ("since")
    text: str
    initial: bool  # it opens the sentence, set off by a comma ("In 2019, ...")


@dataclass(frozen=True, slots=True)
class _Relative:
    slots: tuple[frozenset[str] | None, ...]  # None: a number ("{n}")
    unit: str
    offset: int


@dataclass(frozen=True, slots=True)
class DateLanguage:
    """One language's date words, compiled for lookups."""

    capitalised: bool
    month: dict[str, int]
    weekday: dict[str, int]
    weekday_needs_prep: bool
    ordinals: tuple[str, ...]
    month_day: bool
    numeric_dmy: bool
    connectors: frozenset[str]
    articles: frozenset[str]
    at: frozenset[str]
    since: frozenset[str]
    period_from: frozenset[str]
    period_to: frozenset[str]
    between: frozenset[str]
    between_and: frozenset[str]
    year_before: frozenset[str]
    year_after: frozenset[str]
    year_needs_word: bool
    parts: dict[str, str]
    past_before: frozenset[str]
    past_after: frozenset[str]
    since_comparison: frozenset[str]
    numbers: dict[str, int]
    relative: dict[str, tuple[_Relative, ...]]  # by first word; "" for a leading number
    chain: frozenset[str]  # words that may stand before a date (prepositions, articles...)
    starts: frozenset[str]  # words a date expression may start with (besides numbers)
    signals: frozenset[str]  # one of these (or a digit) in a sentence, or it has no date


@cache
def date_language(code: str) -> DateLanguage | None:
    """The compiled date words of a language; None when it has no dates file."""
    path = DATES_DIR / f"{code}.yaml"
    if not path.exists():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ConfigurationError(f"dates {path.name}: not valid YAML: {error}") from error
    schema.validate(f"dates/{path.name}", data, schema.DatesFile)
    spec = schema.DatesFile.model_validate(data)

    def words(values: list[str]) -> frozenset[str]:
        return frozenset(v.lower() for v in values)

    relative: dict[str, list[_Relative]] = {}
    for rel in spec.relative:
        slots = tuple(
            None if slot == "{n}" else frozenset(slot.lower().split("|"))
            for slot in rel.match.split()
        )
        rule = _Relative(slots, rel.unit, rel.offset)
        heads = [""] if slots[0] is None else sorted(slots[0] or ())
        for head in heads:
            relative.setdefault(head, []).append(rule)
    parts = {w.lower(): part for part in _PARTS for w in getattr(spec.year_parts, part)}
    month = {w.lower(): m for m, forms in spec.months.items() for w in forms}
    weekday = {w.lower(): d for d, forms in spec.weekdays.items() for w in forms}
    past_before = words(spec.weekday_past_before)
    rel_heads = frozenset(k for k in relative if k)
    numbers = {k.lower(): v for k, v in spec.numbers.items()}
    # the last word of a relative expression says a sentence may hold one ("the day
    # before yesterday", "il y a {n} jours"): its first words are common ones
    lasts = frozenset(
        w
        for rules in relative.values()
        for rule in rules
        for w in next(slot for slot in reversed(rule.slots) if slot is not None)
    )
    lx = DateLanguage(
        capitalised=spec.capitalised,
        month=month,
        weekday=weekday,
        weekday_needs_prep=spec.weekday_needs_prep,
        ordinals=tuple(sorted((s.lower() for s in spec.ordinal_suffixes), key=len, reverse=True)),
        month_day=spec.month_day,
        numeric_dmy=spec.numeric_dmy,
        connectors=words(spec.connectors),
        articles=words(spec.articles),
        at=words(spec.at),
        since=words(spec.since),
        period_from=words(spec.period_from),
        period_to=words(spec.period_to),
        between=words(spec.between),
        between_and=words(spec.between_and),
        year_before=words(spec.year_before),
        year_after=words(spec.year_after),
        year_needs_word=spec.year_needs_word,
        parts=parts,
        past_before=past_before,
        past_after=words(spec.weekday_past_after),
        since_comparison=words(spec.since_comparison),
        numbers=numbers,
        relative={k: tuple(v) for k, v in relative.items()},
        chain=words(
            [
                *spec.at,
                *spec.since,
                *spec.period_from,
                *spec.between,
                *spec.articles,
                *spec.connectors,
                *spec.year_before,
                *parts,
            ]
        ),
        starts=frozenset([*month, *weekday, *past_before, *rel_heads])
        | (frozenset(numbers) if "" in relative else frozenset()),
        signals=frozenset([*month, *weekday, *lasts]),
    )
    return lx


class _Toks:
    """A sentence's tokens as two lists (as written, lower case); the character offsets
    of a token are found only when a date needs them."""

    __slots__ = ("_starts", "low", "offset", "source", "text")

    def __init__(self, source: str, offset: int) -> None:
        self.source = source
        self.offset = offset
        self.text: list[str] = _TOKEN_RE.findall(source)
        self.low: list[str] = [t.lower() for t in self.text]
        self._starts: list[int] = []

    def __len__(self) -> int:
        return len(self.text)

    def span(self, k: int) -> tuple[int, int]:
        """Character offsets of token ``k`` in the document."""
        starts, text = self._starts, self.text
        pos = starts[-1] + len(text[len(starts) - 1]) if starts else 0
        while len(starts) <= k:  # tokens are in order: each is found after the last
            pos = self.source.find(text[len(starts)], pos)
            starts.append(pos)
            pos += len(text[len(starts) - 1])
        start = starts[k] + self.offset
        return start, start + len(text[k])


@dataclass(slots=True)
class _Core:
    """A date expression without its prepositions: the days it names, or what is
    missing (the year of "im Juni", the document's date of "last week")."""

    end: int  # token index after it
    year: int | None = None
    month: int | None = None
    day: int | None = None
    first: dt.date | None = None  # set for weekdays and relative expressions
    last: dt.date | None = None
    bare_year: bool = False  # a year alone: needs a word that makes it a date
    year_word: bool = False  # "2019 года"
    bare_month: bool = False  # a month alone: needs a preposition


def find_dates(text: str, lang: str, doc_date: dt.date | None, offset: int = 0) -> list[DateSpan]:
    """The date expressions of one sentence, in text order, resolved against the
    document's date (those that need it are dropped without one)."""
    lx = date_language(lang)
    if lx is None:
        return []
    if not _YEARISH_RE.search(text) and lx.signals.isdisjoint(_WORD_RE.findall(text.lower())):
        return []  # most sentences: no year and no month, weekday or relative word
    toks = _Toks(text, offset)
    starts = lx.starts
    # where an expression may start: a number, a month, a weekday, a relative word
    candidates = [x for x, low in enumerate(toks.low) if low in starts or low[0].isdigit()]
    if not candidates:
        return []
    n = len(toks)
    first_word = next((x for x, t in enumerate(toks.text) if t[0].isalnum()), 0)
    spans: list[DateSpan] = []
    i = 0
    for x in candidates:
        if x < i:
            continue  # inside the last expression
        i = x
        core = _core(toks, i, lx, doc_date, first_word)
        if core is None:
            continue
        lo, role, part, worded, head = _prefix(toks, i, lx)
        if head > 0 and toks.low[head - 1] in lx.period_to and toks.low[head - 1] not in lx.chain:
            i = core.end  # "bis heute", "until 2025", "до 2025 года": a bound, not a time
            continue
        end = core.end
        kind = DateKind.EVENT
        second: _Core | None = None
        if role in ("since", "from", "between"):
            k = _skip(toks, end, lx.articles)
            joiners = lx.between_and if role == "between" else lx.period_to
            if k < n and toks.low[k] in joiners:
                k2 = _skip(toks, k + 1, lx.articles)
                if k2 < n:
                    second = _core(toks, k2, lx, doc_date, first_word)
        if role == "since" and second is None and _compares(toks, lo, lx):
            i = core.end  # "the worst clash since 2019": a baseline, not a period
            continue
        if second is not None and _licensed(second, True, lx):
            hint = second.year if second.year is not None else None
            a = _resolve(core, doc_date, None if core.year is not None else hint, None)
            b = _resolve(second, doc_date, None, None)
            if a is not None and b is not None and a[0] <= b[1]:
                kind = DateKind.PERIOD
                span = (a[0], b[1])
                end = second.end
            else:
                i = core.end
                continue
        else:
            if not _licensed(core, role is not None or part is not None or worded, lx):
                continue
            resolved = _resolve(core, doc_date, None, part)
            if resolved is None:
                i = core.end
                continue
            if role == "since":
                kind = DateKind.PERIOD_START
                span = (resolved[0], resolved[0])
            else:
                span = resolved
        if doc_date is not None and span[0] > doc_date:
            i = end  # a plan, not the statement's time
            continue
        start_char, end_char = toks.span(lo)[0], toks.span(end - 1)[1]
        spans.append(
            DateSpan(
                start=start_char,
                end=end_char,
                kind=kind,
                first=span[0],
                last=None if kind is DateKind.PERIOD_START else span[1],
                text=text[start_char - offset : end_char - offset],
                initial=head <= first_word and end < n and toks.low[end] == ",",
            )
        )
        i = end
    return spans


def date_for(spans: list[DateSpan], lo: int, hi: int, at: int) -> DateSpan | None:
    """The date of a statement whose trigger stands at ``at`` in the clause ``lo``..``hi``
    (character offsets; the pipeline passes the trigger's comma segment): the nearest
    expression inside it, else one that opens the sentence set off by a comma ("In 2019,
    ..."), else none. A date in another segment ("..., which invaded Ukraine in 2022,
    ...", "..., officials said on Tuesday") dates something else."""
    inside = [s for s in spans if s.start >= lo and s.end <= hi]
    if inside:
        return min(inside, key=lambda s: s.start - at if s.start >= at else at - s.end)
    if spans and spans[0].initial:
        return spans[0]
    return None


# --- tokens ---------------------------------------------------------------------------


def _skip(toks: _Toks, k: int, words: frozenset[str]) -> int:
    while k < len(toks) and toks.low[k] in words:
        k += 1
    return k


def _name_case_ok(word: str, x: int, first_word: int, lx: DateLanguage) -> bool:
    """Month and weekday names: capitalised where the language capitalises them, else
    lower case (a capitalised one mid-sentence is a name: "Santo Domingo", "Mars")."""
    if lx.capitalised:
        return word[0].isupper()
    return word[0].islower() or x == first_word


def _year(low: str) -> int | None:
    if len(low) == 4 and low.isdigit():
        value = int(low)
        if _MIN_YEAR <= value <= _MAX_YEAR:
            return value
    return None


def _day(low: str, lx: DateLanguage) -> int | None:
    if not low[0].isdigit():
        return None
    digits = low
    if not low.isdigit():
        for suffix in lx.ordinals:
            if low.endswith(suffix) and low[: -len(suffix)].isdigit():
                digits = low[: -len(suffix)]
                break
        else:
            return None
    if len(digits) > 2:
        return None
    value = int(digits)
    return value if 1 <= value <= 31 else None


def _month_at(toks: _Toks, k: int, lx: DateLanguage, first_word: int) -> int | None:
    if k < len(toks):
        month = lx.month.get(toks.low[k])
        if month is not None and _name_case_ok(toks.text[k], k, first_word, lx):
            return month
    return None


# --- one expression ---------------------------------------------------------------------


def _core(
    toks: _Toks, i: int, lx: DateLanguage, doc_date: dt.date | None, first_word: int
) -> _Core | None:
    low = toks.low[i]
    n = len(toks)
    if low[0].isdigit():
        if not low.isdigit() and not low.isalnum():  # 24.02.2022, 2022-02-24
            return _numeric(low, i, lx)
        day = _day(low, lx)
        if day is not None:
            k = i + 1
            if k < n and toks.low[k] == ".":
                k += 1
            k = _skip(toks, k, lx.connectors)
            month = _month_at(toks, k, lx, first_word)
            if month is not None:
                return _after_month(toks, k + 1, lx, _Core(0, month=month, day=day))
        year = _year(low)
        if year is not None:
            core = _Core(i + 1, year=year, bare_year=True)
            if i + 1 < n and toks.low[i + 1] in lx.year_after:
                core.end, core.year_word = i + 2, True
            return core
        return _relative(toks, i, lx, doc_date)
    month = _month_at(toks, i, lx, first_word)
    if month is not None:
        k = i + 1
        if k + 1 < n and toks.low[k] == "." and toks.low[k + 1][0].isdigit():
            k += 1  # "Sept. 3", "Jan. 2024"
        if lx.month_day and k < n:
            day = _day(toks.low[k], lx)
            if day is not None and _month_at(toks, k + 1, lx, first_word) is None:
                core = _Core(k + 1, month=month, day=day)
                k2 = k + 1 + (k + 1 < n and toks.low[k + 1] == ",")
                if k2 < n and (year := _year(toks.low[k2])) is not None:
                    core.year, core.end = year, k2 + 1
                return core
        return _after_month(toks, k, lx, _Core(k, month=month, bare_month=True))
    weekday = lx.weekday.get(low)
    if weekday is not None and _name_case_ok(toks.text[i], i, first_word, lx):
        return _weekday(toks, i, lx, doc_date, weekday, past=False)
    if low in lx.past_before and i + 1 < n:
        weekday = lx.weekday.get(toks.low[i + 1])
        if weekday is not None and _name_case_ok(toks.text[i + 1], i + 1, first_word, lx):
            return _weekday(toks, i + 1, lx, doc_date, weekday, past=True)
    return _relative(toks, i, lx, doc_date)


def _after_month(toks: _Toks, k: int, lx: DateLanguage, core: _Core) -> _Core:
    """A month read (and its day, if any): its year, if one follows."""
    n = len(toks)
    core.end = k
    x = k + (k < n and toks.low[k] == ",")
    x = _skip(toks, x, lx.connectors)
    if x < n and (year := _year(toks.low[x])) is not None:
        core.year, core.end, core.bare_month = year, x + 1, False
        if x + 1 < n and toks.low[x + 1] in lx.year_after:
            core.end, core.year_word = x + 2, True
    return core


def _numeric(low: str, i: int, lx: DateLanguage) -> _Core | None:
    m = _ISO_RE.fullmatch(low)
    if m:
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif lx.numeric_dmy and (m := _DMY_RE.fullmatch(low)):
        day, month, year = int(m[1]), int(m[3]), int(m[4])
    else:
        return None
    if not (_MIN_YEAR <= year <= _MAX_YEAR and 1 <= month <= 12):
        return None
    return _Core(i + 1, year=year, month=month, day=day)


def _weekday(
    toks: _Toks, k: int, lx: DateLanguage, doc_date: dt.date | None, weekday: int, past: bool
) -> _Core | None:
    end = k + 1
    if end < len(toks) and toks.low[end] in lx.past_after:
        past, end = True, end + 1
    if doc_date is None:
        return None
    back = (doc_date.isoweekday() - weekday) % 7
    if past and back == 0:
        back = 7  # "last Tuesday", said on a Tuesday: a week ago
    try:
        day = doc_date - dt.timedelta(days=back)
    except OverflowError:  # a document dated 0001-01-01
        return None
    # a weekday alone needs a preposition where the language says so ("во вторник")
    return _Core(end, first=day, last=day, bare_month=lx.weekday_needs_prep and not past)


def _relative(toks: _Toks, i: int, lx: DateLanguage, doc_date: dt.date | None) -> _Core | None:
    low = toks.low[i]
    rules = lx.relative.get(low, ())
    if low.isdigit() or low in lx.numbers:
        rules = (*rules, *lx.relative.get("", ()))
    best: tuple[int, _Relative, int] | None = None
    for rule in rules:
        k, times = i, 1
        for slot in rule.slots:
            if k >= len(toks):
                break
            word = toks.low[k]
            if slot is None:
                number = int(word) if word.isdigit() and len(word) <= 3 else lx.numbers.get(word)
                if number is None:
                    break
                times = number
            elif word not in slot:
                break
            k += 1
        else:
            if best is None or k > best[0]:
                best = (k, rule, times)
    if best is None or doc_date is None:
        return None
    k, rule, times = best
    try:
        first, last = _shift(doc_date, rule.unit, rule.offset * times)
    except (OverflowError, ValueError):  # before year 1 or after 9999
        return None
    return _Core(k, first=first, last=last)


def _shift(day: dt.date, unit: str, offset: int) -> tuple[dt.date, dt.date]:
    """The day, week (Monday to Sunday), month or year ``offset`` units from ``day``."""
    if unit == "day":
        d = day + dt.timedelta(days=offset)
        return d, d
    if unit == "week":
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=offset)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        index = day.year * 12 + day.month - 1 + offset
        year, month = divmod(index, 12)
        return _month_span(year, month + 1)
    return dt.date(day.year + offset, 1, 1), dt.date(day.year + offset, 12, 31)


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _prefix(toks: _Toks, i: int, lx: DateLanguage) -> tuple[int, str | None, str | None, bool, int]:
    """The words before a date that belong to it: where the expression starts, the role
    of its preposition (since, from, between, at; the nearest one, unless that is also a
    connector: "a finales de 2022" is "a"), a part of the year, whether
    a word for "year" stands there ("im Jahr 2019"), and the first of these words with
    articles ("El pasado martes" opens its sentence)."""
    k = i - 1
    lo = i
    role: str | None = None
    part: str | None = None
    worded = False
    while k >= 0 and i - k <= 5 and toks.low[k] in lx.chain:
        low = toks.low[k]
        worded = worded or low in lx.year_before
        if low in lx.parts and part is None:
            part, lo = lx.parts[low], k
        found = (
            "since"
            if low in lx.since
            else "between"
            if low in lx.between
            else "from"
            if low in lx.period_from
            else "at"
            if low in lx.at
            else None
        )
        if found is not None:
            role, lo = found, k
        k -= 1
        if found is not None and low not in lx.connectors:
            break  # the nearest preposition governs ("gone on since last year")
    return lo, role, part, worded, k + 1


def _compares(toks: _Toks, k: int, lx: DateLanguage) -> bool:
    """Whether a superlative or "first" stands before the "since" at ``k`` in its comma
    segment (at most eight words back)."""
    words = lx.since_comparison
    for x in range(k - 1, max(-1, k - 9), -1):
        low = toks.low[x]
        if low == ",":
            return False
        if low in words:
            return True
    return False


def _licensed(core: _Core, worded: bool, lx: DateLanguage) -> bool:
    """Whether the words around an expression make it a date: a year or month alone
    needs a preposition, a part of the year or a word for "year" (``worded``)."""
    if core.bare_year:
        if lx.year_needs_word and not core.year_word:
            return False
        return worded or core.year_word
    if core.bare_month:
        return worded
    return True


def _resolve(
    core: _Core, doc_date: dt.date | None, year_hint: int | None, part: str | None
) -> tuple[dt.date, dt.date] | None:
    """The first and last day of an expression, None when it cannot be placed."""
    if core.first is not None and core.last is not None:
        return core.first, core.last
    month, day = core.month, core.day
    year = core.year
    if year is None and year_hint is not None and month is not None:
        year = year_hint
    if year is None:
        if doc_date is None or month is None:
            return None
        year = _year_of(month, day, doc_date)
        if year is None:
            return None
    try:
        if month is None:
            if part is not None:
                m1, m2 = _PARTS[part]
                return dt.date(year, m1, 1), _month_span(year, m2)[1]
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            return _month_span(year, month)
        d = dt.date(year, month, day)
    except ValueError:  # 31 February
        return None
    return d, d


def _year_of(month: int, day: int | None, doc_date: dt.date) -> int | None:
    """The year of a month (or day) written without one: the document's year if that is
    not after the document's date, the year before if that lies at most two months back,
    else unknown."""
    year = doc_date.year
    try:
        this = dt.date(year, month, day or 1)
        if this <= doc_date:
            return year
        before_last = dt.date(year - 1, month, day) if day else _month_span(year - 1, month)[1]
    except ValueError:
        return None
    return year - 1 if doc_date - before_last <= _PREVIOUS_YEAR_WINDOW else None
