"""The steering committee's story of one assessment, said once for every file that tells it
(the PDF report, the slide deck): every word in the assessment's language, every figure written
by the one formatter, the tables as rows of text. Pure: a bundle in, a value out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from assessment import formatting as fmt
from assessment.benchmark import BenchmarkError, BenchmarkLibrary, DimensionPosition
from assessment.bundle import AssessmentBundle
from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.reading import compared, interpret
from assessment.reading.messages import KeyMessage, key_messages, verdict
from assessment.results import Result
from assessment.roadmap import LibraryError, Roadmap
from assessment.scoring import declared_diagnoses, maturity_level, score
from assessment.services import action_library, benchmark_library, bundle_roadmap

TOP_DISAGREEMENTS = 5
TOP_GROUP_GAPS = 5


@dataclass(frozen=True)
class Brand:
    """What the consultant puts in every footer, set once in the settings."""

    firm: str = ""
    logo: bytes | None = None  # PNG or JPEG
    confidentiality: str = ""


LOGO_LIMIT = 2 * 1024 * 1024  # bytes: a logo, not a photograph


def brand_from_settings() -> Brand:
    """The footer's firm, logo and confidentiality line as the settings give them; a logo that
    cannot be read (missing, too large, not an image) leaves the firm's name instead."""
    from assessment.settings import settings

    given = settings()
    logo = None
    if given.report_logo:
        path = Path(given.report_logo).expanduser()
        try:
            if path.stat().st_size <= LOGO_LIMIT:
                data = path.read_bytes()
                logo = (
                    data
                    if data[:8] == b"\x89PNG\r\n\x1a\n" or data[:3] == b"\xff\xd8\xff"
                    else None
                )
        except OSError:
            logo = None
    return Brand(firm=given.report_firm, logo=logo, confidentiality=given.report_confidentiality)


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: list[float]  # relative widths of the columns


@dataclass(frozen=True)
class MapPoint:
    internal: float
    customer: float
    midpoint: float
    threshold: float
    stall: bool


@dataclass(frozen=True)
class Workshop:
    title: str
    participation: list[tuple[str, str]]
    disagreements: Table | None
    group_gaps: Table | None


@dataclass(frozen=True)
class Story:
    lang: Language
    title: str
    client: str
    day: str
    score: str
    level: str
    verdict: str
    messages: list[KeyMessage]
    dimensions: list[tuple[str, float | None]]  # title, score (None: no answer)
    dimension_table: Table
    map_point: MapPoint | None  # None: no symmetry to place (a side unanswered, or none)
    has_sides: bool  # False: a model without customer and internal sides has no map at all
    diagnoses: list[tuple[str, bool, str]]  # title, raised, the sentence with its figures
    roadmap: Roadmap | None
    priorities: Table | None
    kpis: Table | None
    pilot: str | None
    peers: Table | None
    references: Table | None
    workshop: Workshop | None
    method: list[str]
    provenance: Table | None
    brand: Brand = field(default_factory=Brand)

    def word(self, key: str, **values: object) -> str:
        return say(key, self.lang, **values)


def story_of(
    questionnaire: Questionnaire,
    bundle: AssessmentBundle,
    today: date,
    positions: list[DimensionPosition] | None = None,
    brand: Brand | None = None,
) -> Story:
    lang = bundle.language
    result = score(questionnaire, bundle.answers)
    library = action_library(questionnaire)
    roadmap = bundle_roadmap(
        questionnaire, bundle, None if isinstance(library, LibraryError) else library, today
    )
    benchmarks = benchmark_library(questionnaire)
    benchmarks = None if isinstance(benchmarks, BenchmarkError) else benchmarks
    level = maturity_level(questionnaire, result.overall.score)
    day = (bundle.exported_at or datetime.now(UTC)).date()
    return Story(
        lang=lang,
        title=questionnaire.title(lang),
        client=bundle.profile.organisation
        if bundle.profile
        else (bundle.workshop.title if bundle.workshop else ""),
        day=fmt.date(day, lang),
        score=fmt.score(result.overall.score, lang),
        level=say("report.level", lang, level=level.level, name=level.name(lang)) if level else "",
        verdict=verdict(questionnaire, result, lang),
        messages=key_messages(questionnaire, result, roadmap, lang),
        dimensions=[
            (d.title(lang), result.dimension(d.id).score)
            for d in questionnaire.ordered_dimensions()
        ],
        dimension_table=_dimension_table(questionnaire, result, lang),
        map_point=_map_point(questionnaire, result),
        has_sides=questionnaire.has_sides,
        diagnoses=_diagnoses(questionnaire, result, lang),
        roadmap=roadmap,
        priorities=_priorities(roadmap, lang) if roadmap else None,
        kpis=_kpis(roadmap, lang) if roadmap else None,
        pilot=_pilot(roadmap, lang) if roadmap else None,
        peers=_peers(questionnaire, positions or [], lang),
        references=_references(questionnaire, benchmarks, lang),
        workshop=_workshop(questionnaire, bundle.workshop.document(), lang)
        if bundle.workshop
        else None,
        method=[p.replace("**", "") for p in interpret(questionnaire, result, lang)],
        provenance=_provenance(benchmarks, lang),
        brand=brand or Brand(),
    )


def _head(lang: Language, *keys: str) -> list[str]:
    return [say(f"workbook.{k}", lang) for k in keys]


def _dimension_table(questionnaire: Questionnaire, result: Result, lang: Language) -> Table:
    rows = []
    for dimension in questionnaire.ordered_dimensions():
        scored = result.dimension(dimension.id)
        rows.append(
            [
                dimension.title(lang),
                fmt.score(scored.score, lang) if scored.score is not None else "—",
                f"{scored.answered} / {scored.total}",
                fmt.percent(scored.coverage, lang),
            ]
        )
    return Table(_head(lang, "dimension", "score", "answered", "coverage"), rows, [5, 2, 2, 2])


def _map_point(questionnaire: Questionnaire, result: Result) -> MapPoint | None:
    symmetry = getattr(result, "symmetry", None)
    if symmetry is None or symmetry.index is None or questionnaire.symmetry is None:
        return None
    return MapPoint(
        internal=symmetry.internal_score,
        customer=symmetry.customer_score,
        midpoint=questionnaire.symmetry.midpoint,
        threshold=symmetry.stall_threshold,
        stall=symmetry.stall,
    )


def _diagnoses(
    questionnaire: Questionnaire, result: Result, lang: Language
) -> list[tuple[str, bool, str]]:
    declared = {d.id: d for d in declared_diagnoses(questionnaire)}
    judged_all = []
    for judged in result.diagnoses:
        diagnosis = declared[judged.id]
        ahead, behind = compared(questionnaire, diagnosis, lang)
        sentence = say(
            "report.diagnosis",
            lang,
            ahead=ahead,
            behind=behind,
            ahead_score=fmt.score(judged.ahead_score, lang),
            behind_score=fmt.score(judged.behind_score, lang),
            gap=fmt.points(judged.gap, lang, signed=True, keep_apart=[judged.threshold]),
            threshold=fmt.points(judged.threshold, lang),
            explanation=diagnosis.explanation(lang),
        )
        sentence = sentence[:1].upper() + sentence[1:]
        judged_all.append((diagnosis.title(lang), judged.raised, sentence))
    return judged_all


def _priorities(roadmap: Roadmap, lang: Language) -> Table:
    rows = [
        [
            action.number,
            action.title(lang),
            " ".join(reason.text(lang) for reason in action.reasons),
            action.owner(lang),
            say(f"workbook.effort_{action.effort}", lang),
        ]
        for action in roadmap.actions()
    ]
    return Table(
        _head(lang, "number", "action", "reasons", "owner", "effort"), rows, [1, 5, 8, 3, 2]
    )


def _kpis(roadmap: Roadmap, lang: Language) -> Table:
    rows = [
        [
            kpi.name(lang),
            say(f"kpi_unit.{kpi.unit}", lang),
            fmt.kpi_value(kpi.baseline, kpi.unit, lang) if kpi.baseline is not None else "—",
            fmt.kpi_value(kpi.target, kpi.unit, lang) if kpi.target is not None else "—",
            kpi.owner(lang),
            f"{fmt.date(kpi.start, lang)} – {fmt.date(kpi.end, lang)}",
        ]
        for kpi in roadmap.kpis
    ]
    headers = _head(lang, "kpi", "unit", "baseline", "target", "owner") + [
        say("report.window", lang)
    ]
    return Table(headers, rows, [5, 3, 2, 2, 3, 4])


def _pilot(roadmap: Roadmap, lang: Language) -> str:
    pilot = roadmap.pilot
    return say(
        "report.pilot",
        lang,
        team=pilot.team_label(lang),
        weeks=fmt.weeks(pilot.duration_weeks, lang),
        start=fmt.date(pilot.start, lang),
        end=fmt.date(pilot.end, lang),
        reason=pilot.reason(lang),
    )


def _peers(
    questionnaire: Questionnaire, positions: list[DimensionPosition], lang: Language
) -> Table | None:
    if not positions:
        return None
    rows = [
        [
            questionnaire.dimension(p.dimension_id).title(lang),
            fmt.score(p.score, lang),
            say(f"workbook.scope_{p.scope}", lang)
            if p.scope
            else say("workbook.not_enough_peers", lang),
            str(len(p.peers)) if p.enough else "—",
            fmt.percent(p.percentile / 100, lang) if p.percentile is not None else "—",
            fmt.score(p.quartiles.median, lang) if p.quartiles else "—",
        ]
        for p in positions
    ]
    keys = ("dimension", "score", "peer_group", "peers", "percentile", "peer_median")
    return Table(_head(lang, *keys), rows, [4, 2, 4, 1.5, 2, 2])


def _references(
    questionnaire: Questionnaire, library: BenchmarkLibrary | None, lang: Language
) -> Table | None:
    """Every published reference point, beside the dimension it informs; the editions and
    addresses of their sources are in the appendix's provenance table."""
    where = {}
    for dimension, question in questionnaire.questions():
        where[question.id] = where[dimension.id] = dimension.title(lang)
    rows = [
        [
            where[question.id],
            _figure(r.value, r.unit, lang),
            r.statement(lang),
            str(r.year),
            r.source,
        ]
        for _, question in questionnaire.questions()
        for r in map(questionnaire.reference, question.references)
    ]
    rows += [
        [
            where.get(f.target, f.target),
            _figure(f.value, f.unit, lang),
            f.statement(lang),
            str(f.year),
            f.publisher,
        ]
        for f in (library.references if library else [])
    ]
    if not rows:
        return None
    keys = ("dimension", "figure", "statement", "year", "source")
    return Table(_head(lang, *keys), rows, [3, 1.4, 8, 1.7, 3.5])


def _figure(value: float, unit: str, lang: Language) -> str:
    decimals = 0 if value == int(value) else 1
    if unit == "%":
        return fmt.percent(value / 100, lang, decimals=decimals)
    return f"{fmt.number(value, lang, decimals=decimals)} {unit}"


def _provenance(library: BenchmarkLibrary | None, lang: Language) -> Table | None:
    if library is None or not library.provenance:
        return None
    rows = [
        [
            p.publisher,
            p.title,
            str(p.year),
            say(f"report.kind_{p.kind}", lang),
            say(f"report.checked_{p.status}", lang, day=fmt.date(p.checked, lang)),
            p.url,
        ]
        for p in library.provenance.values()
    ]
    headers = [say(f"report.provenance_{k}", lang) for k in ("source", "edition", "year", "kind")]
    headers += [say("report.provenance_checked", lang), say("report.provenance_url", lang)]
    return Table(headers, rows, [3, 5, 1.7, 2, 3.5, 5])


def _workshop(questionnaire: Questionnaire, room: dict, lang: Language) -> Workshop:
    participation = [
        (say("workbook.participants", lang), str(room.get("participants", 0))),
        (say("workbook.contributors", lang), str(room.get("contributors", 0))),
        (say("workbook.anonymity_threshold", lang), str(room.get("anonymity_threshold", ""))),
    ]
    if room.get("joined") is not None:
        participation.insert(0, (say("report.joined", lang), str(room["joined"])))
    questions = room.get("questions", {})
    disagreements = None
    spread = [q for q in room.get("disagreements", []) if q in questions][:TOP_DISAGREEMENTS]
    if spread:
        rows = []
        for question_id in spread:
            figures = questions[question_id]
            rows.append(
                [
                    questionnaire.question(question_id).text(lang),
                    fmt.number(figures.get("mean_score"), lang)
                    if figures.get("mean_score") is not None
                    else "—",
                    fmt.number(figures.get("sd"), lang) if figures.get("sd") is not None else "—",
                    fmt.percent(figures.get("consensus"), lang)
                    if figures.get("consensus") is not None
                    else "—",
                ]
            )
        headers = [say("workbook.question", lang), say("workbook.room_mean", lang)]
        headers += [say("workbook.sd", lang), say("workbook.consensus", lang)]
        disagreements = Table(headers, rows, [8, 2, 2, 2])
    return Workshop(
        title=str(room.get("title", "")),
        participation=participation,
        disagreements=disagreements,
        group_gaps=_group_gaps(questionnaire, room, lang),
    )


def _group_gaps(questionnaire: Questionnaire, room: dict, lang: Language) -> Table | None:
    """Per segment and dimension, the widest gap between two groups shown (groups under the
    anonymity threshold are withheld in the stored document and never reach here)."""
    gaps = []
    for view in room.get("segments", []):
        shown = [g for g in view["groups"] if g.get("size") is not None and g.get("scores")]
        for dimension in questionnaire.ordered_dimensions():
            scored = [
                (g["scores"][dimension.id], g["option"])
                for g in shown
                if dimension.id in g["scores"]
            ]
            if len(scored) < 2:
                continue
            (low, low_group), (high, high_group) = min(scored), max(scored)
            gaps.append(
                (
                    high - low,
                    view["segment"],
                    dimension.title(lang),
                    high_group,
                    high,
                    low_group,
                    low,
                )
            )
    gaps.sort(key=lambda g: -g[0])
    if not gaps:
        return None
    rows = [
        [
            segment,
            title,
            f"{high_group} {fmt.score(high, lang)}",
            f"{low_group} {fmt.score(low, lang)}",
            fmt.points(gap, lang),
        ]
        for gap, segment, title, high_group, high, low_group, low in gaps[:TOP_GROUP_GAPS]
    ]
    headers = [say("workbook.segment", lang), say("workbook.dimension", lang)]
    headers += [say(f"report.{k}", lang) for k in ("group_high", "group_low", "gap")]
    return Table(headers, rows, [3, 4, 3, 3, 2])
