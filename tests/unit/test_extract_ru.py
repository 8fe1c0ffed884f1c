"""Russian: lemmatised lexicon (features.lemmatizer: pymorphy3) and the statements it gives.

The Russian sentences and the exact statements they give are data in
tests/data/constructions/ (lang "ru"), run by test_constructions.py. What stays here:
attribution details, names in every case, and the lemmatiser's mechanism.
"""

from __future__ import annotations

import re

import pytest

from graph_service.extract import extract_statements
from graph_service.extract.langid import detect_language
from graph_service.extract.lexicon import RULE_LANGUAGES, language, load_yaml
from graph_service.extract.morph import lemmatizer
from graph_service.extract.pipeline import _tokens
from graph_service.models import Document

SUP = "SUPPLIES"


def test_russian_attribution() -> None:
    text = "По данным Пентагона, КНДР отправила в Россию около 10 тысяч солдат."
    (stmt,) = extract_statements(Document(path="t.txt", text=text, lang="ru"))
    assert stmt.attributed_to == "Пентагона"
    assert stmt.items == ["troops"]
    assert stmt.evidence == text  # tokens are lemmatised, the evidence stays verbatim


# --- names in every case ----------------------------------------------------------------


def _actors(text: str) -> list[tuple[str, str]]:
    """(verbatim text, actor) of each mention the Russian lexicon finds in ``text``."""
    from graph_service.extract.pipeline import _kinds
    from graph_service.extract.rules import Discourse, SentenceAnalysis

    lx = language("ru")
    sa = SentenceAnalysis(_tokens(text, lx), lx, _kinds(), Discourse(), 0)
    sa.find_mentions()
    return [(m.text, m.actor) for m in sa.mentions]


@pytest.mark.parametrize(
    ("form", "actor"),
    [
        # states in oblique cases, short forms, acronyms
        ("России", "RUS"),
        ("Россией", "RUS"),
        ("РФ", "RUS"),
        ("США", "USA"),
        ("Соединённых Штатов", "USA"),
        ("Соединенным Штатам", "USA"),
        ("КНДР", "PRK"),
        ("Северной Кореи", "PRK"),
        ("Северную Корею", "PRK"),
        ("Южной Кореей", "KOR"),
        ("Великобританией", "GBR"),
        ("Ливана", "LBN"),
        ("Ливане", "LBN"),
        ("Филиппин", "PHL"),
        ("секторе Газа", "PSE"),
        ("Газы", "PSE"),
        # capitals and seats of government
        ("Пхеньяну", "PRK"),
        ("Кремля", "RUS"),
        ("Вашингтоном", "USA"),
        ("Белого дома", "USA"),
        ("Пентагоне", "USA"),
        ("Киеву", "UKR"),
        ("Тегераном", "IRN"),
        ("Анкаре", "TUR"),
        # blocs and groups
        ("Евросоюза", "EU"),
        ("НАТО", "NATO"),
        ("ООН", "UN"),
        ("Совбеза ООН", "UN"),
        ("ШОС", "SCO"),
        ("ОДКБ", "CSTO"),
        ("ХАМАС", "HAMAS"),
        ("Хезболлы", "HEZBOLLAH"),
        ("Хезболлой", "HEZBOLLAH"),
        ("хуситов", "HOUTHIS"),
        ("хуситам", "HOUTHIS"),
        ("талибов", "TALIBAN"),
        ("ЧВК «Вагнер»", "WAGNER"),
        # leaders stand for their state
        ("Путиным", "RUS"),
        ("Песков", "RUS"),
        ("Пескова", "RUS"),
        ("Зеленского", "UKR"),
        ("Зеленскому", "UKR"),
        ("Си Цзиньпина", "CHN"),
        ("Ким Чен Ыну", "PRK"),
        ("Эрдогану", "TUR"),
        ("Пашинян", "ARM"),
        ("Пашиняну", "ARM"),
        ("Шольца", "DEU"),
        ("Мерцем", "DEU"),
        ("Нетаньяху", "ISR"),
        ("Лукашенко", "BLR"),
        ("Моди", "IND"),
        # adjectives and demonyms in any case
        ("северокорейскими", "PRK"),
        ("американских", "USA"),
        ("россиян", "RUS"),
    ],
)
def test_russian_names_in_oblique_cases(form: str, actor: str) -> None:
    found = _actors(f"Заявление {form} прозвучало вчера.")
    assert [(text.replace(" ", ""), a) for text, a in found] == [(form.replace(" ", ""), actor)]


@pytest.mark.parametrize(
    "text",
    [
        "Тем не менее переговоры продолжились.",  # "Тем" -> "тот": not Togo
        "Того же мнения придерживаются эксперты.",
        "Цены на газ выросли.",  # gas, not Gaza
        "Газ подорожал в ноябре.",
        "На стадионе собрались болельщики.",
    ],
)
def test_russian_no_false_names(text: str) -> None:
    assert _actors(text) == []


# --- mechanism ----------------------------------------------------------------------------


def test_russian_is_detected_without_lang() -> None:
    text = "КНДР поставила России артиллерийские снаряды, сообщили в Сеуле."
    assert detect_language(text) == "ru"
    (stmt,) = extract_statements(Document(path="t.txt", text=text))
    assert (stmt.subject, stmt.type.value, stmt.object, stmt.lang) == ("PRK", SUP, "RUS", "ru")


def test_lemmatizer_registry() -> None:
    lemma = lemmatizer("pymorphy3", "ru")
    assert lemma is not None
    assert [lemma(w) for w in ("россии", "поставила", "поставлены", "2022", ",")] == [
        "россия",
        "поставить",
        "поставить",
        "2022",
        ",",
    ]
    assert lemmatizer("no-such-analyser", "ru") is None


def test_only_languages_that_ask_are_lemmatised() -> None:
    assert "ru" in RULE_LANGUAGES
    assert language("ru").normalize is not None
    for code in RULE_LANGUAGES:
        spec = load_yaml(f"{code}.yaml")
        if not (spec.get("features") or {}).get("lemmatizer"):
            assert language(code).normalize is None


def test_tokens_keep_text_and_spans() -> None:
    lx = language("ru")
    toks = _tokens("Ударам России", lx, offset=10)
    assert [(x.text, x.low, x.start, x.end) for x in toks] == [
        ("Ударам", "удар", 10, 16),
        ("России", "россия", 17, 23),
    ]


# The lexicon's words, cues and trigger alternatives must be lemmas themselves, or they
# never match a lemmatised token. A few are lemmas only of other forms ("данные" is the
# lemma of "по данным", though pymorphy3 reads "данные" alone as a participle of "дать").
NOT_FIXPOINTS = {"данные", "десяток", "десятка"}


def _lexicon_words() -> list[tuple[str, str]]:
    spec = load_yaml("ru.yaml")
    out: list[tuple[str, str]] = []
    for cls, words in (spec.get("words") or {}).items():
        out.extend((f"words.{cls}", w) for w in str(words).split())
    for section in ("coref_nouns", "anaphors"):
        for cls, words in spec[section].items():
            out.extend((f"{section}.{cls}", w) for w in str(words).split())
    out.extend(("coref_numbers", str(w)) for w in spec["coref_numbers"])
    for section in ("adjectives", "demonyms"):
        for aid, words in spec[section].items():
            out.extend((f"{section}.{aid}", w) for w in words)
    for section in ("triggers", "items", "denial"):
        for entry in spec[section]:
            for key in ("match", "requires"):
                for alt in str(entry.get(key) or "").split("|"):
                    if re.fullmatch(r"[а-яё]+", alt):
                        out.append((f"{section}.{key}", alt))
            out.extend((f"{section}.obj_preps", w) for w in entry.get("obj_preps") or [])
    for words in spec["obj_preps"].values():
        out.extend(("obj_preps", w) for w in words)
    return [(where, w.lower()) for where, w in out if re.search("[а-яё]", w.lower())]


def test_russian_lexicon_words_are_lemmas() -> None:
    lemma = lemmatizer("pymorphy3", "ru")
    assert lemma is not None
    wrong = [
        (where, w, lemma(w))
        for where, w in _lexicon_words()
        if w not in NOT_FIXPOINTS and lemma(w) != w
    ]
    assert wrong == []
