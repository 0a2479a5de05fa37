"""Every string the product shows, from one catalogue per language: ``locales/<lang>.yaml``.

A catalogue is plain YAML, grouped by part of the product (``app``, ``reading``, ``workbook``…),
each message keyed and written with ``{placeholders}``: the format translation platforms read as
key-value files, and keys stay put when a wording changes. Adding a language is adding a file;
a key its catalogue lacks falls back to English. ``say`` is the one lookup.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import yaml
from babel import Locale

from assessment import formatting as fmt
from assessment.models import LANGUAGES, Language, Text
from assessment.settings import PROJECT_DIR

LOCALES_DIR = PROJECT_DIR / "locales"
FALLBACK = "en"
OTHER_PLURALS = ("_zero", "_two", "_few", "_many")  # CLDR forms beyond English's one and other


class Catalogues:
    """The catalogues of one folder, read once each."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._by_language: dict[str, dict[str, str]] = {}

    def languages(self) -> list[str]:
        return sorted(path.stem for path in self.folder.glob("*.yaml"))

    def messages(self, lang: str) -> dict[str, str]:
        found = self._by_language.get(lang)
        if found is None:  # no path built and hashed on each of a page's many lookups
            found = self._by_language[lang] = _read(self.folder / f"{lang}.yaml")
        return found

    def say(self, key: str, lang: str, **values: object) -> str:
        """The message in the language (else in English), its placeholders filled."""
        # A language without a file reads as an empty catalogue (cached), so no folder listing
        # is needed on this path, which every string of every page goes through.
        text = self.messages(lang).get(key)
        if text is None:
            text = self.messages(FALLBACK).get(key)
        if text is None and key.endswith(OTHER_PLURALS):
            # a plural form English has not (Polish "few"), for a questionnaire's own language
            text = self.messages(FALLBACK)[key.rsplit("_", 1)[0] + "_other"]
        elif text is None:
            raise KeyError(key)
        text = text.format(**values) if values else text
        return TYPOGRAPHY[lang](text) if lang in TYPOGRAPHY else text


@lru_cache(maxsize=8192)  # a page says the same messages on every run
def french_spacing(text: str) -> str:
    """The no-break spaces French typography puts before : ; ? ! and %, inside « » and around
    the slash of a score; a colon that starts an icon name (":material/…") is left alone."""
    text = re.sub(r" ([;?!»])", "\u00a0\\1", text)
    text = re.sub(r" :(?![\w/])", "\u00a0:", text)
    text = re.sub(r"(\d) %", "\\1\u202f%", text)
    text = re.sub(r"(\d) / 100\b", "\\1\u00a0/\u00a0100", text)  # a score, as fmt.score writes it
    return text.replace("« ", "«\u00a0")


# Rules a language's typography adds to every message, values included.
TYPOGRAPHY = {"fr": french_spacing}


@cache
def _read(path: Path) -> dict[str, str]:
    """``{"part.key": message}`` from a catalogue grouped by part."""
    if not path.exists():
        return {}
    grouped = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {
        f"{part}.{key}": message
        for part, messages in grouped.items()
        for key, message in messages.items()
    }


CATALOGUES = Catalogues(LOCALES_DIR)


def say(key: str, lang: str, **values: object) -> str:
    """The message ``key`` (``part.name``) in the language, its placeholders filled."""
    return CATALOGUES.say(key, lang, **values)


def languages() -> list[str]:
    """The languages the product speaks: one catalogue file each."""
    return CATALOGUES.languages()


def text_of(key: str, **values: object) -> Text:
    """The message in every language content is written in, for values kept in all of them
    (a roadmap's reasons); values are written as each language writes them."""
    return Text(
        **{
            lang: say(key, lang, **{name: _written(v, lang) for name, v in values.items()})
            for lang in Text.model_fields
        }
    )


@dataclass(frozen=True)
class Message:
    """Something to tell the user, said later in their language (a refused upload, a faulty
    answer); ``str()`` gives the English, for the command line and logs. Numbers among the
    values are written as the language writes them; a Message or a list of them, in turn."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def __call__(self, lang: str) -> str:
        return say(self.key, lang, **{name: _written(v, lang) for name, v in self.values.items()})

    def __str__(self) -> str:
        return self(FALLBACK)


def in_language(problems: list, lang: str) -> list[str]:
    """Each problem as the reader reads it: anything said in a language (a Message, a located
    Problem of a data file) in theirs, a text as it is."""
    return [p(lang) if callable(p) else str(p) for p in problems]


def _written(value: object, lang: str) -> object:
    """A value as it reads inside a message in ``lang``: a Text or a Message in that language,
    a list of Messages joined, numbers and dates written as the language writes them."""
    if isinstance(value, Text | Message):
        return value(lang)
    if isinstance(value, list) and all(isinstance(v, Message) for v in value):
        return say("core.list_separator", lang).join(v(lang) for v in value)
    if isinstance(value, dt.date):
        return fmt.date(value, lang)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return fmt.number(value, lang, decimals=0 if float(value).is_integer() else 1)
    return value


def language_name(lang: Language) -> str:
    """Each language named in itself (Français, English, Deutsch): as its catalogue says, or
    as Babel names it when the interface has no catalogue for it."""
    if lang in LANGUAGES:
        return say("language.name", lang)
    return _capitalised(Locale(lang).get_display_name(lang))


def language_label(code: str, lang: Language) -> str:
    """A language named in the reader's language (French, German…)."""
    if code in LANGUAGES:
        return say(f"hardening.language_{code}", lang)
    return _capitalised(Locale(code).get_display_name(lang))


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]
