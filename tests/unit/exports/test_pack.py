"""The steering committee's pack read as a committee member reads it: the PDF's text, fonts and
footers, the deck's slides, native charts and speaker notes; then every page and slide rendered
to PNG (LibreOffice and poppler) under test-artifacts/pack/ to be looked at."""

import io
import re
import shutil
import subprocess
from datetime import date

import pytest
from pptx import Presentation

from assessment import formatting as fmt
from assessment.bundle import bundle_of
from assessment.reading.messages import key_messages, verdict
from assessment.scoring import maturity_level, score
from assessment.services import action_library, bundle_roadmap
from assessment.store import Store
from exports.pack import Brand, build_deck, build_report
from tests import rendering
from tests.paths import ARTIFACTS
from tests.rendering import require, to_pdf
from tests.samples import ORGANISATIONS, QUESTIONNAIRE, bundle, workshop_assessment

TODAY = date(2026, 11, 23)
BRAND = Brand(firm="Cabinet Martin & Associés", confidentiality="Confidential: steering committee")


def organisation(name: str, lang: str):
    profile = bundle().profile.model_copy(update={"organisation": "Acme Logistique"})
    return bundle(lang, answers=ORGANISATIONS[name], profile=profile)


def pdf_text(data: bytes, tmp_path, first: int | None = None, last: int | None = None) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return plain(rendering.pdf_text(path, first, last))


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", ["stalled", "balanced"])
def test_page_one_gives_the_score_level_verdict_and_each_message_with_its_action(
    tmp_path, name, lang
):
    given = organisation(name, lang)
    result = score(QUESTIONNAIRE, given.answers)
    roadmap = bundle_roadmap(QUESTIONNAIRE, given, action_library(QUESTIONNAIRE), TODAY)
    messages = key_messages(QUESTIONNAIRE, result, roadmap, lang)
    page_one = pdf_text(build_report(QUESTIONNAIRE, given, TODAY, brand=BRAND), tmp_path, 1, 1)
    level = maturity_level(QUESTIONNAIRE, result.overall.score)
    assert plain(fmt.score(result.overall.score, lang)) in page_one
    assert plain(level.name(lang)) in page_one
    assert plain(verdict(QUESTIONNAIRE, result, lang)) in page_one
    assert len(messages) == 3
    roadmap_titles = {a.title(lang) for a in roadmap.actions()}
    for message in messages:
        assert message.action in roadmap_titles, "each message names an action of the roadmap"
        assert plain(message.action) in page_one
        assert plain(message.text) in page_one


def test_a_stalled_organisations_first_message_holds_the_promise_and_gives_the_gap():
    given = organisation("stalled", "en")
    result = score(QUESTIONNAIRE, given.answers)
    roadmap = bundle_roadmap(QUESTIONNAIRE, given, action_library(QUESTIONNAIRE), TODAY)
    first = key_messages(QUESTIONNAIRE, result, roadmap, "en")[0]
    assert "customer promise" in first.action.lower()
    assert fmt.points(result.symmetry.index, "en") in first.text
    assert "partial" not in " ".join(
        m.text for m in key_messages(QUESTIONNAIRE, result, roadmap, "en")
    )


def test_method_and_coverage_go_to_the_appendix_not_to_page_one(tmp_path):
    data = build_report(QUESTIONNAIRE, bundle("en"), TODAY, brand=BRAND)  # a partial result
    assert "partial" not in pdf_text(data, tmp_path, 1, 1)
    assert "This result is partial" in pdf_text(data, tmp_path)


def test_every_page_has_the_brand_the_client_and_its_number_and_the_fonts_are_embedded(tmp_path):
    data = build_report(QUESTIONNAIRE, organisation("stalled", "fr"), TODAY, brand=BRAND)
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    info = subprocess.run([require("pdfinfo"), str(path)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert "A4" in info
    for page in range(1, pages + 1):
        text = pdf_text(data, tmp_path, page, page)
        assert f"Page {page} sur {pages}" in text
        assert "Cabinet Martin & Associés" in text and "Acme Logistique" in text
        assert "Confidential: steering committee" in text
    fonts = subprocess.run(
        [require("pdffonts"), str(path)], capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts), "every font is embedded"


def test_the_report_carries_the_roadmap_kpis_sources_and_provenance(tmp_path):
    text = pdf_text(build_report(QUESTIONNAIRE, organisation("stalled", "en"), TODAY), tmp_path)
    for heading in ("Dimensions", "Diagnoses", "Priorities and why they are proposed", "Roadmap",
                    "The pilot and its indicators", "Peers and reference points",
                    "Provenance of every reference figure"):  # fmt: skip
        assert heading in text
    assert "Eurostat" in text and "read at the publisher" in text


def test_a_questionnaire_without_a_roadmap_still_gets_a_report_and_a_deck(tmp_path, minimal):
    from assessment.bundle import AssessmentBundle

    given = AssessmentBundle(
        questionnaire_id=minimal.id,
        questionnaire_version=minimal.version,
        language="en",
        answers={"share": 5, "sponsor": 3, "ambition": 5, "equipped": 2},
    )
    assert "Steering committee report" in pdf_text(build_report(minimal, given, TODAY), tmp_path)
    assert len(Presentation(io.BytesIO(build_deck(minimal, given, TODAY))).slides) >= 5


def test_a_model_without_sides_gets_a_pack_with_no_map_and_no_stall(tmp_path):
    from assessment.bundle import AssessmentBundle
    from assessment.questionnaire import load_questionnaire
    from tests.paths import FIXTURES

    model = load_questionnaire(FIXTURES / "any_model" / "data_practice.yaml")
    answers = {q.id: 1 + i % 4 for i, (_, q) in enumerate(model.questions())}
    given = AssessmentBundle(
        questionnaire_id=model.id,
        questionnaire_version=model.version,
        language="en",
        answers=answers,
    )
    text = pdf_text(build_report(model, given, TODAY), tmp_path)
    for absent in ("Ambition", "customer side", "stall"):
        assert absent not in text
    first = pdf_text(build_report(model, given, TODAY), tmp_path, 1, 1)
    assert first.startswith("Steering committee report Data protection practice ·")  # no stray ·
    deck = Presentation(io.BytesIO(build_deck(model, given, TODAY)))
    assert "XY_SCATTER" not in chart_types(deck)  # the map is a scatter chart


def chart_types(deck) -> set[str]:
    return {
        shape.chart.chart_type.name
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_chart
    }


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_deck_tells_the_story_in_editable_slides_with_native_charts_and_notes(lang):
    given = organisation("stalled", lang)
    deck = Presentation(io.BytesIO(build_deck(QUESTIONNAIRE, given, TODAY, brand=BRAND)))
    assert 8 <= len(deck.slides) <= 12
    types = chart_types(deck)
    assert {"RADAR_FILLED", "BAR_CLUSTERED", "BAR_STACKED"} <= types
    assert any(t.startswith("XY_SCATTER") for t in types), "the map is a native scatter chart"
    result = score(QUESTIONNAIRE, given.answers)
    roadmap = bundle_roadmap(QUESTIONNAIRE, given, action_library(QUESTIONNAIRE), TODAY)
    texts = [
        " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        for slide in deck.slides
    ]
    notes = [slide.notes_slide.notes_text_frame.text for slide in deck.slides]
    messages_slide = next(
        n for n, text in enumerate(texts) if say_key("report.key_messages", lang) in text
    )
    for message in key_messages(QUESTIONNAIRE, result, roadmap, lang):
        assert message.text in texts[messages_slide]
        reasons = next(a for a in roadmap.actions() if a.number == message.number).reasons
        assert reasons[0].text(lang) in notes[messages_slide], "the reasons are in the notes"
    assert all("Cabinet Martin & Associés" in text for text in texts)


def say_key(key: str, lang: str) -> str:
    from assessment.i18n import say

    return say(key, lang)


def test_a_workshops_pack_shows_participation_disagreements_and_group_gaps(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'room.db'}")
    given = bundle_of(store, workshop_assessment(store))
    store.dispose()
    text = pdf_text(build_report(QUESTIONNAIRE, given, TODAY), tmp_path)
    assert "Workshop: Board day" in text
    assert "Participants 6" in text
    assert "Widest gaps between groups" in text
    deck = Presentation(io.BytesIO(build_deck(QUESTIONNAIRE, given, TODAY)))
    assert any(
        "Workshop: Board day" in shape.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
    )


CASES = [("stalled", "en"), ("stalled", "fr"), ("balanced", "en"), ("balanced", "fr"),
         ("workshop", "en"), ("workshop", "fr")]  # fmt: skip


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_every_page_and_slide_renders_to_png(tmp_path, name, lang):
    pdftoppm = require("pdftoppm")
    if name == "workshop":
        store = Store(f"sqlite:///{tmp_path / 'room.db'}")
        given = bundle_of(store, workshop_assessment(store)).model_copy(update={"language": lang})
        store.dispose()
    else:
        given = organisation(name, lang)
    folder = ARTIFACTS / "pack"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{name}-{lang}-*"):
        old.unlink()
    report = tmp_path / f"{name}-{lang}-report.pdf"
    report.write_bytes(build_report(QUESTIONNAIRE, given, TODAY, brand=BRAND))
    deck = tmp_path / f"{name}-{lang}-deck.pptx"
    deck.write_bytes(build_deck(QUESTIONNAIRE, given, TODAY, brand=BRAND))
    slides = to_pdf(deck, tmp_path)
    for pdf, kind in ((report, "report"), (slides, "deck")):
        prefix = folder / f"{name}-{lang}-{kind}"
        subprocess.run([pdftoppm, "-png", "-r", "50", str(pdf), str(prefix)], check=True)
    shutil.copy(report, folder / f"{name}-{lang}-report.pdf")
    pages = sorted(folder.glob(f"{name}-{lang}-report-*.png"))
    rendered = sorted(folder.glob(f"{name}-{lang}-deck-*.png"))
    assert len(pages) >= 5 and 8 <= len(rendered) <= 12
    assert all(p.stat().st_size > 4_000 for p in pages + rendered), "no page is blank"


def test_the_footer_is_set_once_in_the_settings_a_logo_replacing_the_firms_name(
    tmp_path, monkeypatch
):
    from PIL import Image as Picture

    from exports.pack import brand_from_settings

    logo = tmp_path / "logo.png"
    Picture.new("RGB", (240, 80), "#1f4e79").save(logo)
    monkeypatch.setenv("REPORT_FIRM", "Cabinet Martin")
    monkeypatch.setenv("REPORT_LOGO", str(logo))
    monkeypatch.setenv("REPORT_CONFIDENTIALITY", "Strictly confidential")
    brand = brand_from_settings()
    assert brand.firm == "Cabinet Martin" and brand.logo == logo.read_bytes()
    data = build_report(QUESTIONNAIRE, organisation("balanced", "en"), TODAY)
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    images = subprocess.run(
        [require("pdfimages"), "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    pages = {line.split()[0] for line in images}
    assert len(pages) >= 5, "the logo is on every page"
    assert "Strictly confidential" in pdf_text(data, tmp_path, 2, 2)
    monkeypatch.setenv("REPORT_LOGO", str(tmp_path / "missing.png"))
    assert brand_from_settings().logo is None, "a logo that cannot be read leaves the name"
    deck = Presentation(
        io.BytesIO(build_deck(QUESTIONNAIRE, organisation("balanced", "en"), TODAY))
    )
    assert all(
        "Strictly confidential"
        in " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        for slide in deck.slides
    )
