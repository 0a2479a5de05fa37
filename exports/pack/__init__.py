"""The steering committee's pack: the PDF report and the editable slide deck, two tellings of
one story (``story``) of an assessment. Pure: a bundle in, bytes out."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Literal

from assessment.benchmark import DimensionPosition
from assessment.bundle import AssessmentBundle
from assessment.models import Questionnaire
from exports.pack.story import Brand, Story, brand_from_settings, story_of


def build_pack_file(
    kind: Literal["pdf", "pptx"],
    questionnaire: Questionnaire,
    bundle: AssessmentBundle,
    today: date,
    positions: list[DimensionPosition] | None = None,
    brand: Brand | None = None,
) -> bytes:
    """The PDF report or the slide deck, in the assessment's language; the footer's brand
    from the settings unless given."""
    story = story_of(questionnaire, bundle, today, positions, brand or brand_from_settings())
    if kind == "pdf":
        from exports.pack.pdf import build_pdf  # reportlab and matplotlib load on first use

        return build_pdf(story)
    from exports.pack.deck import deck_of

    return deck_of(story)


build_report = partial(build_pack_file, "pdf")
build_deck = partial(build_pack_file, "pptx")

__all__ = [
    "Brand",
    "Story",
    "brand_from_settings",
    "build_deck",
    "build_pack_file",
    "build_report",
    "story_of",
]
