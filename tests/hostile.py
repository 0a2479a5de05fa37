"""Hostile files, as a user could hand them to the product: made from valid exports and data
files, shared by the unit, command-line, app and fuzz tests."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from datetime import date

from exports.json_backup import build_json
from exports.workbook import full_workbook
from tests.samples import QUESTIONNAIRE, bundle

TODAY = date(2026, 11, 23)


def valid_workbook(**changes) -> bytes:
    return full_workbook(QUESTIONNAIRE, bundle(**changes), TODAY)


def valid_json(**changes) -> bytes:
    return build_json(bundle(**changes))


def json_with(**fields) -> bytes:
    """A valid JSON export with some fields replaced (raw values, not validated)."""
    data = json.loads(valid_json())
    data.update(fields)
    return json.dumps(data).encode()


def rezipped(data: bytes, change: Callable[[str, bytes], bytes]) -> bytes:
    """The workbook with each part passed through ``change(name, content)``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            target.writestr(entry, change(entry.filename, source.read(entry)))
    return out.getvalue()


def sheet_parts(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]


def in_every_sheet(change: Callable[[bytes], bytes]) -> Callable[[str, bytes], bytes]:
    return lambda name, content: change(content) if name in SHEETS else content


SHEETS = set(sheet_parts(valid_workbook()))


def hostile_workbooks() -> dict[str, bytes]:
    good = valid_workbook()
    return {
        "garbage_sheet": rezipped(good, in_every_sheet(lambda c: b"\x00\xff garbage" * 50)),
        "truncated_sheet_xml": rezipped(good, in_every_sheet(lambda c: c[: len(c) // 2])),
        "huge_number_cell": rezipped(
            good, in_every_sheet(lambda c: c.replace(b"<v>", b"<v>" + b"9" * 5000, 1))
        ),
        "truncated_zip": good[: len(good) // 2],
        "corrupted_bytes": good[:2000] + bytes(b ^ 0x5A for b in good[2000:2600]) + good[2600:],
        "shifted_header": good[:2] + good[3:],  # found by the fuzz test: a negative seek
    }


def deep_json(depth: int) -> bytes:
    return b'{"schema_version": 1, "x": ' + b"[" * depth + b"]" * depth + b"}"


def hostile_jsons() -> dict[str, bytes]:
    answers = json.loads(valid_json())["answers"]
    first = next(iter(answers))
    return {
        "deep_nesting": deep_json(100_000),
        "huge_number": json_with(answers={**answers, first: int("9" * 4000)}).replace(
            b"9" * 4000, b"9" * 5000
        ),
        "nan_level": json_with(answers={**answers, first: float("nan")}),
        "boolean_level": json_with(answers={**answers, first: True}),
        "number_version": json_with(questionnaire_version=1.1),
        "boolean_schema_version": json_with(schema_version=True),
        "roadmap_wrong_shape": json_with(roadmap={"kpis": ["not", "a", "mapping"]}),
        "workshop_wrong_shape": json_with(workshop={"questions": {"x": "y"}}),
        "roadmap_bad_date": json_with(roadmap={"version": 1, "start": "tomorrow"}),
    }


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for n in range(1, levels + 1):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def hostile_yamls() -> dict[str, str]:
    return {
        "alias_bomb": alias_bomb(),
        "deep_nesting": "id: x\nversion: '1'\ntitle: " + "[" * 500 + "]" * 500 + "\n",
        "huge_number": "id: x\nversion: '1'\nweight: " + "9" * 5000 + "\n",
        "impossible_date": "id: x\nversion: '1'\ndate: 2026-02-30\n",
        "bad_binary": "id: x\nversion: '1'\ndata: !!binary x\n",
        "unicode_digit_key": "id: x\nversion: '1'\n²: x\n",
        "sequence_key": "id: x\nversion: '1'\n? [a, b]\n: c\n",
        "python_object": "id: !!python/object/apply:os.system ['true']\n",
    }
