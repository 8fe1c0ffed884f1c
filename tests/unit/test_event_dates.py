"""Event dates and periods read from sentences (extract/event_dates.py), in six languages.

The sentences are made up for these tests. The document is dated Wednesday 15 May 2024
unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import get_day_names, get_month_names

from graph_service.errors import ConfigurationError
from graph_service.extract import extract_statements, schema
from graph_service.extract.event_dates import date_language, find_dates
from graph_service.models import DateKind, Document, RelationType

DOC = dt.date(2024, 5, 15)  # a Wednesday
LANGS = ["de", "en", "fr", "es", "ru", "it"]
D = dt.date
E, S, P = DateKind.EVENT, DateKind.PERIOD_START, DateKind.PERIOD

# (lang, sentence, kind, first, last, text)
CASES = [
    # absolute: a day
    (
        "de",
        "Am 24. Februar 2022 griff Arland Borland an.",
        E,
        D(2022, 2, 24),
        D(2022, 2, 24),
        "Am 24. Februar 2022",
    ),
    (
        "en",
        "On March 3, 2024, the two states signed a pact.",
        E,
        D(2024, 3, 3),
        D(2024, 3, 3),
        "On March 3, 2024",
    ),
    (
        "en",
        "The pact was signed on the 3rd of March 2024.",
        E,
        D(2024, 3, 3),
        D(2024, 3, 3),
        "on the 3rd of March 2024",
    ),
    (
        "fr",
        "Le 1er mars 2022, les deux pays ont signé un traité.",
        E,
        D(2022, 3, 1),
        D(2022, 3, 1),
        "1er mars 2022",
    ),
    (
        "es",
        "El 24 de febrero de 2022 comenzó la invasión.",
        E,
        D(2022, 2, 24),
        D(2022, 2, 24),
        "24 de febrero de 2022",
    ),
    (
        "ru",
        "24 февраля 2022 года началась война.",
        E,
        D(2022, 2, 24),
        D(2022, 2, 24),
        "24 февраля 2022 года",
    ),
    (
        "it",
        "Il 3 marzo 2024 i due paesi hanno firmato un patto.",
        E,
        D(2024, 3, 3),
        D(2024, 3, 3),
        "3 marzo 2024",
    ),
    (
        "de",
        "Der Vertrag vom 12.06.2023 gilt weiter.",
        E,
        D(2023, 6, 12),
        D(2023, 6, 12),
        "vom 12.06.2023",
    ),
    ("en", "The deal dated 2023-06-12 stands.", E, D(2023, 6, 12), D(2023, 6, 12), "2023-06-12"),
    (
        "fr",
        "L'accord du 12/06/2023 tient toujours.",
        E,
        D(2023, 6, 12),
        D(2023, 6, 12),
        "du 12/06/2023",
    ),
    # absolute: a month of a year
    (
        "de",
        "Im Juni 2023 unterzeichneten beide einen Vertrag.",
        E,
        D(2023, 6, 1),
        D(2023, 6, 30),
        "Im Juni 2023",
    ),
    ("en", "In June 2023 the two signed a deal.", E, D(2023, 6, 1), D(2023, 6, 30), "In June 2023"),
    (
        "fr",
        "En juin 2023, ils ont signé un accord.",
        E,
        D(2023, 6, 1),
        D(2023, 6, 30),
        "En juin 2023",
    ),
    (
        "es",
        "En junio de 2023 firmaron un acuerdo.",
        E,
        D(2023, 6, 1),
        D(2023, 6, 30),
        "En junio de 2023",
    ),
    (
        "ru",
        "В марте 2024 года они подписали договор.",
        E,
        D(2024, 3, 1),
        D(2024, 3, 31),
        "В марте 2024 года",
    ),
    (
        "it",
        "A gennaio 2021 hanno firmato un trattato.",
        E,
        D(2021, 1, 1),
        D(2021, 1, 31),
        "A gennaio 2021",
    ),
    # absolute: a year, a part of a year
    (
        "de",
        "Im Jahr 2019 schlossen sie ein Bündnis.",
        E,
        D(2019, 1, 1),
        D(2019, 12, 31),
        "Im Jahr 2019",
    ),
    ("en", "In 2019, the two formed an alliance.", E, D(2019, 1, 1), D(2019, 12, 31), "In 2019"),
    ("fr", "En 2019, ils ont formé une alliance.", E, D(2019, 1, 1), D(2019, 12, 31), "En 2019"),
    ("es", "En 2019 formaron una alianza.", E, D(2019, 1, 1), D(2019, 12, 31), "En 2019"),
    ("ru", "В 2019 году они заключили союз.", E, D(2019, 1, 1), D(2019, 12, 31), "В 2019 году"),
    ("it", "Nel 2019 hanno formato un'alleanza.", E, D(2019, 1, 1), D(2019, 12, 31), "Nel 2019"),
    ("de", "Ende 2022 kamen die Lieferungen an.", E, D(2022, 9, 1), D(2022, 12, 31), "Ende 2022"),
    ("en", "In mid-2023 the ties were cut.", E, D(2023, 5, 1), D(2023, 8, 31), "In mid-2023"),
    (
        "fr",
        "À la fin de 2022, les livraisons sont arrivées.",
        E,
        D(2022, 9, 1),
        D(2022, 12, 31),
        "À la fin de 2022",
    ),
    (
        "es",
        "A finales de 2022 llegaron los envíos.",
        E,
        D(2022, 9, 1),
        D(2022, 12, 31),
        "A finales de 2022",
    ),
    (
        "ru",
        "В начале 2023 года пришли поставки.",
        E,
        D(2023, 1, 1),
        D(2023, 4, 30),
        "В начале 2023 года",
    ),
    (
        "it",
        "Alla fine del 2022 sono arrivate le forniture.",
        E,
        D(2022, 9, 1),
        D(2022, 12, 31),
        "Alla fine del 2022",
    ),
    # relative to the document's date
    (
        "de",
        "Vergangene Woche kam es zum Streit.",
        E,
        D(2024, 5, 6),
        D(2024, 5, 12),
        "Vergangene Woche",
    ),
    (
        "de",
        "Vor drei Tagen fiel die Entscheidung.",
        E,
        D(2024, 5, 12),
        D(2024, 5, 12),
        "Vor drei Tagen",
    ),
    ("en", "Last week the talks broke down.", E, D(2024, 5, 6), D(2024, 5, 12), "Last week"),
    (
        "en",
        "Two months ago the deal was struck.",
        E,
        D(2024, 3, 1),
        D(2024, 3, 31),
        "Two months ago",
    ),
    ("en", "The minister said so yesterday.", E, D(2024, 5, 14), D(2024, 5, 14), "yesterday"),
    ("fr", "L'an dernier, la rupture a eu lieu.", E, D(2023, 1, 1), D(2023, 12, 31), "an dernier"),
    (
        "fr",
        "Il y a deux semaines, la rupture a eu lieu.",
        E,
        D(2024, 4, 29),
        D(2024, 5, 5),
        "Il y a deux semaines",
    ),
    (
        "es",
        "La semana pasada se rompieron las relaciones.",
        E,
        D(2024, 5, 6),
        D(2024, 5, 12),
        "semana pasada",
    ),
    (
        "es",
        "Hace tres días se firmó el acuerdo.",
        E,
        D(2024, 5, 12),
        D(2024, 5, 12),
        "Hace tres días",
    ),
    (
        "ru",
        "На прошлой неделе переговоры сорвались.",
        E,
        D(2024, 5, 6),
        D(2024, 5, 12),
        "На прошлой неделе",
    ),
    (
        "ru",
        "В прошлом году переговоры сорвались.",
        E,
        D(2023, 1, 1),
        D(2023, 12, 31),
        "В прошлом году",
    ),
    (
        "it",
        "L'anno scorso i negoziati sono falliti.",
        E,
        D(2023, 1, 1),
        D(2023, 12, 31),
        "anno scorso",
    ),
    (
        "it",
        "Tre giorni fa è stato firmato l'accordo.",
        E,
        D(2024, 5, 12),
        D(2024, 5, 12),
        "Tre giorni fa",
    ),
    # weekdays: the latest one (a past marker: before the document's day)
    (
        "es",
        "El pasado martes se firmó el acuerdo.",
        E,
        D(2024, 5, 14),
        D(2024, 5, 14),
        "pasado martes",
    ),
    (
        "es",
        "El martes pasado se firmó el acuerdo.",
        E,
        D(2024, 5, 14),
        D(2024, 5, 14),
        "martes pasado",
    ),
    ("en", "On Tuesday the deal was signed.", E, D(2024, 5, 14), D(2024, 5, 14), "On Tuesday"),
    (
        "en",
        "Last Wednesday the deal was signed.",
        E,
        D(2024, 5, 8),
        D(2024, 5, 8),
        "Last Wednesday",
    ),
    (
        "de",
        "Am vergangenen Montag fiel die Entscheidung.",
        E,
        D(2024, 5, 13),
        D(2024, 5, 13),
        "Am vergangenen Montag",
    ),
    (
        "fr",
        "Mardi dernier, l'accord a été signé.",
        E,
        D(2024, 5, 14),
        D(2024, 5, 14),
        "Mardi dernier",
    ),
    ("ru", "Во вторник договор был подписан.", E, D(2024, 5, 14), D(2024, 5, 14), "Во вторник"),
    (
        "it",
        "Martedì scorso è stato firmato l'accordo.",
        E,
        D(2024, 5, 14),
        D(2024, 5, 14),
        "Martedì scorso",
    ),
    # a month or day without a year: this year's, if not after the document's date
    ("de", "Im März fiel die Entscheidung.", E, D(2024, 3, 1), D(2024, 3, 31), "Im März"),
    ("fr", "Le 3 avril, l'accord a été signé.", E, D(2024, 4, 3), D(2024, 4, 3), "3 avril"),
    # since: an open period
    ("de", "Seit Juni 2023 fließen die Lieferungen.", S, D(2023, 6, 1), None, "Seit Juni 2023"),
    ("en", "Since 2022 the deliveries have continued.", S, D(2022, 1, 1), None, "Since 2022"),
    ("en", "Deliveries have gone on since last year.", S, D(2023, 1, 1), None, "since last year"),
    (
        "fr",
        "Depuis le 1er mars 2022, les livraisons continuent.",
        S,
        D(2022, 3, 1),
        None,
        "Depuis le 1er mars 2022",
    ),
    ("es", "Desde 2022 continúan los envíos.", S, D(2022, 1, 1), None, "Desde 2022"),
    ("ru", "С 2022 года продолжаются поставки.", S, D(2022, 1, 1), None, "С 2022 года"),
    ("ru", "С марта 2023 года продолжаются поставки.", S, D(2023, 3, 1), None, "С марта 2023 года"),
    ("it", "Dal 2022 continuano le forniture.", S, D(2022, 1, 1), None, "Dal 2022"),
    ("it", "Da gennaio 2023 continuano le forniture.", S, D(2023, 1, 1), None, "Da gennaio 2023"),
    # a period with both ends
    (
        "de",
        "Von 2019 bis 2021 liefen die Lieferungen.",
        P,
        D(2019, 1, 1),
        D(2021, 12, 31),
        "Von 2019 bis 2021",
    ),
    (
        "de",
        "Von Januar bis März 2023 liefen die Lieferungen.",
        P,
        D(2023, 1, 1),
        D(2023, 3, 31),
        "Von Januar bis März 2023",
    ),
    (
        "en",
        "Between 2014 and 2016 the gas flowed.",
        P,
        D(2014, 1, 1),
        D(2016, 12, 31),
        "Between 2014 and 2016",
    ),
    ("fr", "De 2019 à 2021, le gaz a coulé.", P, D(2019, 1, 1), D(2021, 12, 31), "De 2019 à 2021"),
    (
        "es",
        "Entre 2019 y 2021 fluyó el gas.",
        P,
        D(2019, 1, 1),
        D(2021, 12, 31),
        "Entre 2019 y 2021",
    ),
    (
        "ru",
        "С 2019 по 2021 год шли поставки газа.",
        P,
        D(2019, 1, 1),
        D(2021, 12, 31),
        "С 2019 по 2021 год",
    ),
    (
        "it",
        "Dal 2019 al 2021 il gas è fluito.",
        P,
        D(2019, 1, 1),
        D(2021, 12, 31),
        "Dal 2019 al 2021",
    ),
]


@pytest.mark.parametrize(("lang", "sentence", "kind", "first", "last", "text"), CASES)
def test_dates_are_read(
    lang: str,
    sentence: str,
    kind: DateKind,
    first: dt.date,
    last: dt.date | None,
    text: str,
) -> None:
    spans = find_dates(sentence, lang, DOC)
    assert [(s.kind, s.first, s.last, s.text) for s in spans] == [(kind, first, last, text)]
    start = spans[0].start
    assert sentence[start : spans[0].end] == text


# sentences with numbers or words that are no date (or no date that can be placed)
NO_DATE = [
    ("en", "The United States sent 2023 drones to the front."),
    ("en", "The 45-year-old minister signed it at 70 percent approval."),
    ("en", "They may sign under Resolution 2231 in 1500 pages."),
    ("en", "Arland may march on Borland."),
    ("en", "It sent 2,000 shells and 1.5 million rounds."),
    ("de", "2023 Drohnen wurden geliefert."),
    ("de", "Die Armee hat 2019 Panzer im Bestand."),
    ("de", "Der 31. Februar 2023 ist kein Tag."),
    ("fr", "La sonde vers Mars est partie."),
    ("es", "La cumbre se celebró en Santo Domingo."),
    ("ru", "Колонна стоит в 2000 километрах от границы."),
    ("ru", "Вторник был трудным днём."),
    ("it", "Hanno inviato 2022 droni."),
    # after the document's date: a plan, not the statement's time
    ("en", "In 2026 the deliveries will start."),
    ("de", "Im Oktober 2024 sollen die Lieferungen beginnen."),
    # "since" after a superlative or "first" is a comparison's baseline
    ("en", "It was the worst clash between the two since 2019."),
    ("de", "Erstmals seit 2019 trafen sich die beiden Minister."),
    ("it", "È lo scontro più grave tra i due paesi dal 2019."),
    ("ru", "Это самый серьёзный кризис с 2019 года."),
    # a bound is no time of the event
    ("de", "Russland ist bis heute der größte Lieferant."),
    ("en", "The ban runs until 2023."),
    ("ru", "Запрет действует до 2023 года."),
    ("fr", "L'interdiction court jusqu'en 2023."),
    # a month without a year that would lie in the future or more than two months back
    ("de", "Im Oktober fiel die Entscheidung."),
]


@pytest.mark.parametrize(("lang", "sentence"), NO_DATE)
def test_no_date(lang: str, sentence: str) -> None:
    assert find_dates(sentence, lang, DOC) == []


def test_expressions_relative_to_the_document_need_its_date() -> None:
    for lang, sentence in [
        ("en", "Last week the talks broke down."),
        ("es", "El pasado martes se firmó el acuerdo."),
        ("de", "Im März fiel die Entscheidung."),
    ]:
        assert find_dates(sentence, lang, None) == []
    # an absolute date needs none
    (span,) = find_dates("In June 2023 the two signed a deal.", "en", None)
    assert (span.first, span.last) == (D(2023, 6, 1), D(2023, 6, 30))


def test_a_month_of_the_last_weeks_of_the_previous_year() -> None:
    (span,) = find_dates("Im Dezember fiel die Entscheidung.", "de", D(2024, 1, 20))
    assert (span.first, span.last) == (D(2023, 12, 1), D(2023, 12, 31))
    (span,) = find_dates("Le 28 décembre, l'accord a été signé.", "fr", D(2024, 1, 5))
    assert span.first == D(2023, 12, 28)


def test_a_language_without_dates_file_has_no_dates() -> None:
    assert find_dates("W 2019 roku podpisano umowę.", "pl", DOC) == []


@pytest.mark.parametrize("lang", LANGS)
def test_dates_files_name_every_cldr_month_and_weekday(lang: str) -> None:
    """Babel's CLDR names (format and stand-alone) are all in the data, with the right
    numbers; the files add abbreviations and case forms."""
    lx = date_language(lang)
    assert lx is not None
    for context in ("format", "stand-alone"):
        for number, name in get_month_names("wide", context, locale=lang).items():
            assert lx.month[name.lower()] == number
        for index, name in get_day_names("wide", context, locale=lang).items():
            assert lx.weekday[name.lower()] == index + 1


def test_a_broken_dates_file_names_file_and_key() -> None:
    data = {"lang": "xx", "months": {1: ["one"]}, "weekdays": {d: [str(d)] for d in range(1, 8)}}
    with pytest.raises(ConfigurationError, match=r"dates/xx.yaml: months"):
        schema.validate("dates/xx.yaml", data, schema.DatesFile)


# --- statements: which date belongs to which statement ----------------------------------


def _statements(text: str, lang: str, date: dt.date | None = DOC) -> list:
    return extract_statements(Document(path="t.txt", text=text, lang=lang, date=date))


def _one(text: str, lang: str, type_: RelationType, date: dt.date | None = DOC):
    found = [s for s in _statements(text, lang, date) if s.type is type_]
    assert found, f"no {type_} statement in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("lang", "text", "type_", "kind", "first", "last"),
    [
        (
            "de",
            "Russland liefert seit Juni 2023 Drohnen an den Iran.",
            RelationType.SUPPLIES,
            S,
            D(2023, 6, 1),
            None,
        ),
        (
            "de",
            "Im Juni 2023 unterzeichneten Russland und Nordkorea einen Vertrag.",
            RelationType.PARTNERSHIP,
            E,
            D(2023, 6, 1),
            D(2023, 6, 30),
        ),
        (
            "en",
            "In 2019, France signed a defence agreement with India.",
            RelationType.PARTNERSHIP,
            E,
            D(2019, 1, 1),
            D(2019, 12, 31),
        ),
        (
            "en",
            "Last week China condemned Japan.",
            RelationType.OPPOSES,
            E,
            D(2024, 5, 6),
            D(2024, 5, 12),
        ),
        (
            "fr",
            "En 2019, la France a signé un accord de défense avec l'Inde.",
            RelationType.PARTNERSHIP,
            E,
            D(2019, 1, 1),
            D(2019, 12, 31),
        ),
        (
            "es",
            "El pasado martes España condenó a Rusia.",
            RelationType.OPPOSES,
            E,
            D(2024, 5, 14),
            D(2024, 5, 14),
        ),
        (
            "it",
            "A gennaio 2021 l'Italia ha firmato un trattato con la Francia.",
            RelationType.PARTNERSHIP,
            E,
            D(2021, 1, 1),
            D(2021, 1, 31),
        ),
    ],
)
def test_statements_carry_their_event_date(
    lang: str,
    text: str,
    type_: RelationType,
    kind: DateKind,
    first: dt.date,
    last: dt.date | None,
) -> None:
    st = _one(text, lang, type_)
    assert (st.date_kind, st.event_date, st.event_date_end) == (kind, first, last)
    assert st.date == DOC  # the report's date stays
    assert st.when == first
    assert st.date_text and st.date_text in st.evidence


def test_a_statement_without_a_date_in_its_sentence_is_reported() -> None:
    st = _one("The United States sent 2023 drones to Ukraine.", "en", RelationType.SUPPLIES)
    assert st.date_kind is DateKind.REPORTED
    assert (st.event_date, st.event_date_end, st.date_text) == (None, None, None)
    assert st.when == DOC


def test_without_any_date_the_kind_is_unknown() -> None:
    st = _one("Last week China condemned Japan.", "en", RelationType.OPPOSES, date=None)
    assert (st.date_kind, st.event_date, st.when) == (None, None, None)
    st = _one(
        "In 2019, France signed a defence agreement with India.",
        "en",
        RelationType.PARTNERSHIP,
        date=None,
    )
    assert (st.date_kind, st.event_date) == (DateKind.EVENT, D(2019, 1, 1))


def test_a_date_in_another_clause_dates_something_else() -> None:
    text = "Russia, which invaded Ukraine in 2022, signed a treaty with North Korea in June 2024."
    by_type = {s.type: s for s in _statements(text, "en", D(2024, 7, 1))}
    war, treaty = by_type[RelationType.OPPOSES], by_type[RelationType.PARTNERSHIP]
    assert (war.event_date, war.date_text) == (D(2022, 1, 1), "in 2022")
    assert (treaty.event_date, treaty.date_text) == (D(2024, 6, 1), "in June 2024")
    # the date of the report ("officials said on Tuesday") is not the treaty's
    st = _one(
        "Russia signed a treaty with North Korea, officials said on Tuesday.",
        "en",
        RelationType.PARTNERSHIP,
    )
    assert st.date_kind is DateKind.REPORTED


def test_the_jsonl_output_carries_the_new_fields() -> None:
    st = _one("Russland liefert seit Juni 2023 Drohnen an den Iran.", "de", RelationType.SUPPLIES)
    row = st.model_dump(mode="json", exclude_none=True)
    assert row["date_kind"] == "period_start"
    assert row["event_date"] == "2023-06-01"
    assert "event_date_end" not in row  # open period
    assert row["date"] == "2024-05-15"


@pytest.mark.parametrize("doc_date", [dt.date.min, dt.date.max, dt.date(1, 1, 6)])
@pytest.mark.parametrize("lang", LANGS)
def test_extreme_document_dates_give_no_error(lang: str, doc_date: dt.date) -> None:
    for case in CASES + [(lang, s) for lang_, s in NO_DATE if lang_ == lang]:
        if case[0] == lang:
            find_dates(case[1], lang, doc_date)  # any answer, but no exception
