"""Every figure the product shows, written the way the reader's language writes it.

One place so that one value never reads two ways on one page ("73.9 / 100" beside "74 / 100").
Separators, digit grouping, percent signs and month names come from CLDR through Babel, so any
locale Babel knows works ("de", "es", "pt_BR"); an unknown code falls back to English. The few
house rules on top of CLDR are deliberate and written down here:

- negatives take a true minus sign "−" (U+2212) in every language, not a hyphen;
- rounding is half-up (2.5 → 3), as a reader rounds, not the banker's rounding of ``round``;
- French puts a narrow no-break space (U+202F) before "%" (CLDR gives a wide one, U+00A0).

Use it qualified, ``from assessment import formatting as fmt``, then ``fmt.score(62, lang)``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, get_month_names
from babel.numbers import format_decimal, format_percent

NONE = "—"  # what a missing figure reads in every language
MINUS = "\u2212"
NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
FALLBACK = "en"


def number(
    value: float | None, lang: str, *, decimals: int = 0, keep_apart: Iterable[float] = ()
) -> str:
    """``1 234,5`` / ``1,234.5``; ``−3`` for a negative.

    A threshold in ``keep_apart`` that rounding would cross gets one more decimal, floored
    below it and ceiled above: 59.96 beside a level starting at 60 reads "59.9", never the
    "60" that would contradict the level named next to it."""
    if value is None:
        return NONE
    return _digits(_shown(value, decimals, keep_apart), _locale(lang))


def score(value: float | None, lang: str, keep_apart: Iterable[float] = ()) -> str:
    """``62 / 100``: a whole number on every screen, chart and report, so one score never
    reads two ways. French keeps it on one line with no-break spaces."""
    if value is None:
        return NONE
    space = NBSP if _locale(lang).language == "fr" else " "
    return f"{number(value, lang, keep_apart=keep_apart)}{space}/{space}100"


def percent(ratio: float | None, lang: str, *, decimals: int = 0) -> str:
    """A ratio (0.93) as ``93 %`` / ``93%``, cut toward zero, never rounded up.

    A share that is not complete must not read complete: 0.999 reads "99 %", not "100 %"."""
    if ratio is None:
        return NONE
    exact = Decimal(str(round(ratio, 9))) * 100  # 9 places: float noise, not a real share
    return _percent(exact.quantize(_step(decimals), rounding=ROUND_DOWN), _locale(lang))


def share(part: float, whole: float, lang: str, *, decimals: int = 0) -> str:
    """``part`` of ``whole`` as a percentage, cut down: 40 of 41 reads "97 %", not "98 %";
    only 41 of 41 reads "100 %". Nothing of nothing reads "0 %"."""
    return percent(part / whole if whole else 0, lang, decimals=decimals)


def points(
    value: float | None, lang: str, *, signed: bool = False, keep_apart: Iterable[float] = ()
) -> str:
    """``18 points``, or ``+18 points`` / ``−18 points`` when ``signed`` (a gap, a change).

    The plural follows CLDR for the number as shown: French "1,5 point" and "0 point",
    English "1 point" but "0 points" and "1.5 points"."""
    if value is None:
        return NONE
    locale = _locale(lang)
    shown = _shown(value, 0, keep_apart)
    text = ("+" if signed and shown > 0 else "") + _digits(shown, locale)

    from assessment.i18n import say  # the words are in the catalogues, which format numbers

    return say(f"units.points_{plural(shown, lang)}", lang, number=text)


def date(value: dt.date | None, lang: str) -> str:
    """``2 June 2026`` / ``2 juin 2026`` (French: ``1er juin 2026``): the day first in both,
    unambiguous for every reader; other languages take CLDR's long date (``2. Juni 2026``)."""
    if value is None:
        return NONE
    locale = _locale(lang)
    if locale.language not in ("fr", "en"):
        return format_date(value, format="long", locale=locale)
    day = "1er" if locale.language == "fr" and value.day == 1 else str(value.day)
    month = get_month_names("wide", context="format", locale=locale)[value.month]
    return f"{day} {month} {value.year}"


def month(value: dt.date, lang: str) -> str:
    """``Jan 2027`` / ``janv. 2027``: a month on a time axis (CLDR's abbreviated month)."""
    locale = _locale(lang)
    name = get_month_names("abbreviated", context="stand-alone", locale=locale)[value.month]
    return f"{name} {value.year}"


def kpi_value(value: float | None, unit: str, lang: str) -> str:
    """A pilot indicator with its unit: ``62 / 100``, ``60 %``, ``+10 eNPS``, ``4.5 h``.

    Unlike a share, a measured percentage rounds half-up: it is a reading, not a count of
    what is done. Hours keep a decimal when they have one: a pilot that takes 6 h of searching
    a week down to 4.8 h moves by less than two whole hours. A unit never wraps onto the next
    line apart from its number."""
    if value is None:
        return NONE
    if unit == "score":
        return score(value, lang)
    locale = _locale(lang)
    shown = _shown(value, 0, ())
    if unit == "percent":
        return _percent(shown, locale)
    if unit == "enps":
        return ("+" if shown > 0 else "") + f"{_digits(shown, locale)}{NBSP}eNPS"
    if unit == "hours":
        return f"{_digits(_shown(value, 1, ()).normalize(), locale)}{NBSP}h"
    raise ValueError(f"unknown KPI unit: {unit!r}")


# --- internals ----------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _locale(lang: str) -> Locale:
    """Babel's locale for ``lang`` ("fr", "de", "pt-BR", "pt_BR"); English if Babel has none."""
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(FALLBACK)


def _step(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


def _shown(value: float, decimals: int, keep_apart: Iterable[float]) -> Decimal:
    """The value as it will read: half-up at ``decimals``, one decimal more (floored or
    ceiled) if that rounding would carry it across a threshold of ``keep_apart``."""
    exact = Decimal(str(round(value, 6)))  # 6 places: float noise (59.99999999 is 60)
    shown = exact.quantize(_step(decimals), rounding=ROUND_HALF_UP)
    for boundary in keep_apart:
        edge = Decimal(str(boundary))
        if (exact >= edge) != (shown >= edge):
            towards = ROUND_FLOOR if exact < edge else ROUND_CEILING
            shown = exact.quantize(_step(decimals + 1), rounding=towards)
            break
    return shown.copy_abs() if shown.is_zero() else shown  # never "−0"


def _fixed(pattern: str, decimals: int) -> str:
    """A CLDR number pattern (``#,##0.###``, ``#,##0 %``) showing exactly ``decimals`` digits."""
    fraction = "." + "0" * decimals if decimals else ""
    return re.sub(r"([#,0]*0)(\.[#0]*)?", lambda m: m.group(1) + fraction, pattern, count=1)


def _decimals(shown: Decimal) -> int:
    return max(0, -int(shown.as_tuple().exponent))


def _digits(shown: Decimal, locale: Locale) -> str:
    return _digits_of(str(shown), locale)  # the text keeps the decimals: 1.0 is not 1.00


@lru_cache(maxsize=4096)  # pages and exports write the same few hundred numbers, each costly
def _digits_of(shown: str, locale: Locale) -> str:
    value = Decimal(shown)
    pattern = _fixed(locale.decimal_formats[None].pattern, _decimals(value))
    return format_decimal(value, format=pattern, locale=locale).replace("-", MINUS)


def _percent(shown: Decimal, locale: Locale) -> str:
    """``shown`` is already in percent (97.5) and already rounded the way the caller means."""
    pattern = _fixed(locale.percent_formats[None].pattern, _decimals(shown))
    text = format_percent(shown / 100, format=pattern, locale=locale).replace("-", MINUS)
    return text.replace(NBSP, NARROW_NBSP) if locale.language == "fr" else text


def weeks(count: int, lang: str) -> str:
    """``1 week``, ``13 weeks`` / ``1 semaine``, ``13 semaines``."""

    from assessment.i18n import say

    return say(f"units.weeks_{plural(count, lang)}", lang, weeks=count)


def answered(done: int, total: int, lang: str) -> str:
    """``1 of 41 questions answered`` / ``1 question sur 41 répondue``."""

    from assessment.i18n import say

    return say(f"app.progress_{plural(done, lang)}", lang, done=done, total=total)


def plural(count: float, lang: str) -> str:
    """CLDR's plural category of ``count`` in the language ("one", "other", …): French says
    "1,5 point" and "0 point", English "1 point" but "0 points"."""
    return _locale(lang).plural_form(abs(count))
