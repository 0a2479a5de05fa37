"""The written reading of each diagnosis, in both languages, and no strength that contradicts a
warning."""

import pytest

from assessment.reading import diagnosis_warnings, format_result, interpret, stall_explanation
from assessment.scoring import score
from tests.samples import ORGANISATIONS, QUESTIONNAIRE


def reading(name: str, lang: str) -> str:
    result = score(QUESTIONNAIRE, ORGANISATIONS[name])
    text = "\n\n".join(interpret(QUESTIONNAIRE, result, lang))
    return text.replace("\u202f", " ").replace("\u00a0", " ")


WARNING = {"en": "**Tools ahead of people.**", "fr": "**Les outils avant les personnes.**"}
STALL = {"en": "**Stall warning.**", "fr": "**Alerte décrochage.**"}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_tools_heavy_organisation_is_told_people_come_before_tools(lang):
    text = reading("tools_heavy", lang)
    assert WARNING[lang] in text and STALL[lang] not in text
    if lang == "en":
        assert (
            "Tools and digital workplace (100 / 100) leads Culture and Employee experience"
            " (0 / 100) by **100 points**" in text
        )
        assert "Before any new tool: culture, support, training and recognition." in text
    else:
        assert "Outils et environnement de travail numérique (100 / 100) devance Culture" in text
        assert "Avant tout nouvel outil" in text


@pytest.mark.parametrize(
    ("name", "warnings"),
    [("tools_heavy", 1), ("stalled", 0), ("balanced", 0), ("both", 1)],
)
def test_the_short_warning_is_given_beside_the_stall(name, warnings):
    result = score(QUESTIONNAIRE, ORGANISATIONS[name])
    for lang in ("en", "fr"):
        shown = diagnosis_warnings(QUESTIONNAIRE, result, lang)
        assert len(shown) == warnings
        assert all("**" not in text for text in shown)
        assert (stall_explanation(result, lang) is not None) == (name in ("stalled", "both"))


def test_both_warnings_are_read_when_both_are_raised():
    text = reading("both", "en")
    assert text.index(STALL["en"]) < text.index(WARNING["en"])


@pytest.mark.parametrize("name", ["stalled", "tools_heavy", "both"])
def test_no_asset_is_what_a_warning_is_made_of(name):
    text = reading(name, "en")
    assets = next(p for p in text.split("\n\n") if p.startswith(("**Assets", "**First foot")))
    if name in ("stalled", "both"):
        customer = [q.text.en for d, q in QUESTIONNAIRE.questions() if d.side_of(q) == "customer"]
        assert not any(question in assets for question in customer)
    if name in ("tools_heavy", "both"):
        assert "Tools and digital workplace, level" not in assets


def test_a_balanced_organisation_reads_no_warning():
    text = reading("balanced", "en")
    assert WARNING["en"] not in text and STALL["en"] not in text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_text_report_judges_each_diagnosis(lang):
    heavy = format_result(QUESTIONNAIRE, score(QUESTIONNAIRE, ORGANISATIONS["tools_heavy"]), lang)
    balanced = format_result(QUESTIONNAIRE, score(QUESTIONNAIRE, ORGANISATIONS["balanced"]), lang)
    verdict = {"en": ("WARNING", "no warning"), "fr": ("ALERTE", "pas d’alerte")}[lang]
    line = next(x for x in heavy.splitlines() if x.startswith(("Tools ahead", "Les outils")))
    assert line.endswith(verdict[0]) and "100 points" in line
    line = next(x for x in balanced.splitlines() if x.startswith(("Tools ahead", "Les outils")))
    assert line.endswith(verdict[1])
