"""Numbers inside the roadmap's generated texts (reasons, the pilot card, KPI notes), which are
built once in every content language (:func:`assessment.i18n.text_of`) so that a language switch
never regenerates anything."""

from __future__ import annotations

from assessment import formatting as fmt
from assessment.models import Text


def number(value: float, keep_apart: tuple[float, ...] = ()) -> Text:
    """A score as each language writes it, with a decimal when rounding would cross a
    threshold in ``keep_apart`` (49.6 stays "49.6", not "50", beside "below 50")."""
    return Text(
        **{lang: fmt.number(value, lang, keep_apart=keep_apart) for lang in Text.model_fields}
    )
