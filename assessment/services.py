"""The use cases that pages, exports and the command line share, said once: an assessment's
result, its position among peers, its roadmap with the consultant's edits, the libraries that
fit its questionnaire, and its opt-in to the benchmark pool. Plain functions of the store and
domain values; no Streamlit."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

from assessment.benchmark import (
    BENCHMARKS_DIR,
    BenchmarkError,
    BenchmarkLibrary,
    DimensionPosition,
    PoolEntry,
    Scope,
    load_benchmarks,
    position,
)
from assessment.benchmark.evidence import DEFAULT_EVIDENCE, EvidenceFile, load_evidence
from assessment.bundle import AssessmentBundle
from assessment.models import Questionnaire
from assessment.profile import Profile
from assessment.results import Result
from assessment.roadmap import (
    DEFAULT_KPIS,
    DEFAULT_LIBRARY,
    ActionLibrary,
    Actual,
    Decision,
    Entry,
    LibraryError,
    PilotRecord,
    Roadmap,
    RoadmapEdits,
    apply_edits,
    check_actual,
    check_decision,
    edits_from_payload,
    edits_to_payload,
    generate_roadmap,
    next_monday,
    record_from_payload,
    record_to_payload,
    serving_library,
)
from assessment.scoring import score
from assessment.settings import settings
from assessment.store import (
    AssessmentRecord,
    DocumentKind,
    Organisations,
    Store,
    WaveRecord,
    member_records,
)
from assessment.waves import Comparison, Member, PoolRefused, WaveInput, compare
from assessment.workshop import (
    WorkshopError,
    WorkshopStore,
    consolidated_answers,
    room_of,
    summary_document,
)


def result_of(store: Store, record: AssessmentRecord, questionnaire: Questionnaire) -> Result:
    """The assessment scored from its saved answers."""
    return score(questionnaire, store.answers(record.id))


def peer_positions(
    record: AssessmentRecord,
    result: Result,
    pool: list[PoolEntry],
    scope: Scope = Scope.sector_size,
) -> list[DimensionPosition]:
    """Per dimension, where the assessment stands among its peers (itself left out)."""
    profile = record.profile
    return position(
        result,
        pool,
        profile.sector,
        profile.size_class,
        scope=scope,
        min_peers=settings().benchmark_min_peers,
        exclude=record.id,
    )


def action_library(questionnaire: Questionnaire) -> ActionLibrary | LibraryError:
    """The shipped action library checked against this questionnaire, or what keeps it out."""

    def load() -> ActionLibrary | LibraryError:
        try:  # a library that serves no questionnaire of this kind: the plan from its gaps
            return serving_library(DEFAULT_LIBRARY, questionnaire)
        except LibraryError as error:
            return error

    return _checked_once("actions", questionnaire, [DEFAULT_LIBRARY, DEFAULT_KPIS], load)


def benchmark_library(questionnaire: Questionnaire) -> BenchmarkLibrary | BenchmarkError:
    """The shipped benchmark datasets for this questionnaire, or what keeps them out."""

    def load() -> BenchmarkLibrary | BenchmarkError:
        try:
            return load_benchmarks(questionnaire)
        except BenchmarkError as error:
            return error

    return _checked_once("benchmarks", questionnaire, sorted(Path(BENCHMARKS_DIR).iterdir()), load)


def evidence_library(questionnaire: Questionnaire) -> EvidenceFile | None:
    """The shipped research behind this questionnaire's diagnoses (None: written for another
    questionnaire), read once as the libraries are; EvidenceError for a faulty file."""
    return _checked_once(
        "evidence", questionnaire, [DEFAULT_EVIDENCE], lambda: load_evidence(questionnaire)
    )


# Reading and checking a library takes a third of a second (YAML, validation): it is done once
# per questionnaire and version of its files, not on every export. Keyed by the questionnaire
# object (frozen, so its content cannot change) and each file's size and modification time.
_CHECKED: dict[tuple, tuple[weakref.ref, object]] = {}
T = TypeVar("T")


def _checked_once(
    kind: str, questionnaire: Questionnaire, files: list[Path], load: Callable[[], T]
) -> T:
    stamps = tuple((str(f), *_stamp(f)) for f in files)
    key = (kind, id(questionnaire), stamps)
    hit = _CHECKED.get(key)
    if hit is not None and hit[0]() is questionnaire:
        return hit[1]  # type: ignore[return-value]
    value = load()
    if len(_CHECKED) > 64:  # questionnaires come and go in tests; a live app has a handful
        _CHECKED.clear()
    _CHECKED[key] = (weakref.ref(questionnaire), value)
    return value


def _stamp(path: Path) -> tuple[int, int]:
    try:
        status = path.stat()
    except OSError:
        return (-1, -1)
    return (status.st_mtime_ns, status.st_size)


# --- the roadmap with the consultant's edits --------------------------------------------------


def saved_edits(store: Store, record_id: int) -> RoadmapEdits:
    return edits_from_payload(store.document(record_id, DocumentKind.roadmap))


def save_edits(store: Store, record_id: int, edits: RoadmapEdits) -> None:
    store.save_document(record_id, DocumentKind.roadmap, edits_to_payload(edits))


def forget_edits(store: Store, record_id: int) -> None:
    store.delete_document(record_id, DocumentKind.roadmap)


def edited_roadmap(
    questionnaire: Questionnaire,
    answers: Mapping[str, int | None],
    profile: Profile | None,
    library: ActionLibrary,
    edits: RoadmapEdits,
    start: date,
) -> tuple[Roadmap, Roadmap]:
    """The roadmap as generated from the answers, and as the consultant left it (the edits
    applied on top, so that new answers update the plan without losing them)."""
    generated = generate_roadmap(questionnaire, answers, profile, library, start)
    return generated, apply_edits(generated, edits)


def bundle_roadmap(
    questionnaire: Questionnaire,
    bundle: AssessmentBundle,
    library: ActionLibrary | None,
    today: date,
) -> Roadmap | None:
    """The roadmap of an exported assessment as the consultant left it; None when nothing is
    answered yet or no action library fits the questionnaire."""
    if library is None or not any(level is not None for level in bundle.answers.values()):
        return None
    edits = edits_from_payload(bundle.roadmap.document() if bundle.roadmap else None)
    start = start_of(edits, today)
    return edited_roadmap(questionnaire, bundle.answers, bundle.profile, library, edits, start)[1]


def start_of(edits: RoadmapEdits, today: date) -> date:
    """The saved start date, else the first Monday after today."""
    return edits.start or next_monday(today)


# --- the pilot measured -----------------------------------------------------------------------


def pilot_record(store: Store, record_id: int) -> PilotRecord:
    """The KPI values entered during the pilot and the committee's decisions."""
    return record_from_payload(store.document(record_id, DocumentKind.pilot))


def add_actual(
    store: Store, record_id: int, roadmap: Roadmap, entry: Entry, now: datetime
) -> Actual:
    """Keep one measured value, checked against what is already saved in the same transaction
    (nothing saved meanwhile is lost); ActualRefused says what is wrong."""
    kept: list[Actual] = []

    def append(payload: dict | None) -> dict:
        record = record_from_payload(payload)
        actual = check_actual(roadmap, record, entry, now)
        kept.append(actual)
        return record_to_payload(record.model_copy(update={"actuals": [*record.actuals, actual]}))

    store.update_document(record_id, DocumentKind.pilot, append)
    return kept[0]


def remove_actual(store: Store, record_id: int, kpi_id: str, on: date) -> None:
    """Take back the value of a KPI entered for that day (a typing mistake)."""

    def without(payload: dict | None) -> dict:
        record = record_from_payload(payload)
        actuals = [a for a in record.actuals if (a.kpi, a.on) != (kpi_id, on)]
        return record_to_payload(record.model_copy(update={"actuals": actuals}))

    store.update_document(record_id, DocumentKind.pilot, without)


def record_decision(
    store: Store, record_id: int, verdict: str, reason: str, decided_by: str, now: datetime
) -> Decision:
    """The steering committee's go or stop, kept after the earlier ones (the latest stands)."""
    decision = check_decision(verdict, reason, decided_by, now)

    def append(payload: dict | None) -> dict:
        record = record_from_payload(payload)
        decisions = [*record.decisions, decision]
        return record_to_payload(record.model_copy(update={"decisions": decisions}))

    store.update_document(record_id, DocumentKind.pilot, append)
    return decision


# --- the benchmark pool ------------------------------------------------------------------------


def opted_in(store: Store, record_id: int) -> bool:
    return bool((store.document(record_id, DocumentKind.pool) or {}).get("opt_in"))


def set_opt_in(store: Store, record_id: int, opt_in: bool) -> None:
    """In the anonymous pool, or out of it (unticking deletes the flag)."""
    if opt_in:
        store.save_document(record_id, DocumentKind.pool, {"opt_in": True})
    else:
        store.delete_document(record_id, DocumentKind.pool)


# --- the pack of a workshop still open ---------------------------------------------------------


def room_bundle(
    workshops: WorkshopStore, token: str, questionnaire: Questionnaire, now: datetime
) -> AssessmentBundle:
    """The room as it stands, as an export bundle (its consolidated answers and its figures),
    for the committee's pack while the room is still open; nothing is stored. WorkshopError
    below the anonymity threshold, as for turning the room into an assessment."""
    record = workshops.by_facilitator(token)
    record.check_questionnaire(questionnaire)
    snapshot = workshops.snapshot(record.id)
    room = room_of(questionnaire, snapshot)
    if not room.visible:
        raise WorkshopError(f"Fewer than {record.threshold} participants have answered.")
    created = record.created_at.isoformat()
    return AssessmentBundle(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        language=record.language,
        answers=consolidated_answers(questionnaire, snapshot.participants, record.threshold),
        exported_at=now,
        workshop=summary_document(
            room,
            title=record.title,
            joined=snapshot.counts.joined,
            completed=snapshot.counts.completed,
            workshop_created_at=created,
        ),
    )


# --- an organisation's waves compared -----------------------------------------------------------


def questionnaire_for(
    questionnaires: list[Questionnaire], questionnaire_id: str, version: str
) -> Questionnaire | None:
    """The installed questionnaire an assessment was made with: its own version when it is
    installed, else the installed one of the same id."""
    same = [q for q in questionnaires if q.id == questionnaire_id]
    return next((q for q in same if q.version == version), same[0] if same else None)


def wave_inputs(
    store: Store,
    waves: list[WaveRecord],
    questionnaires: list[Questionnaire],
) -> list[WaveInput]:
    """The organisation's waves as the comparison reads them: each assessment's answers (only
    the questions its questionnaire knows) and, for a room, the summary the room left. A wave
    with no assessment, or none whose questionnaire is installed, is left out."""
    inputs = []
    for wave in waves:
        rooms = {m.assessment_id: m.room for m in wave.members}
        members = []
        for record in member_records(store, wave):
            questionnaire = questionnaire_for(
                questionnaires, record.questionnaire_id, record.questionnaire_version
            )
            if questionnaire is None:
                continue
            known = {q.id for _, q in questionnaire.questions()}
            answers = {q: v for q, v in store.answers(record.id).items() if q in known}
            members.append(
                Member(
                    label=rooms.get(record.id) or record.profile.organisation,
                    questionnaire=questionnaire,
                    answers=answers,
                    workshop=store.document(record.id, DocumentKind.workshop),
                )
            )
        if members:
            inputs.append(
                WaveInput(
                    label=wave.label, held_on=wave.held_on, members=members, targets=wave.targets
                )
            )
    return inputs


def organisation_comparison(
    store: Store,
    organisation_id: int,
    questionnaires: list[Questionnaire],
    wave_ids: list[int] | None = None,
) -> Comparison | None:
    """The organisation's waves compared (those chosen, oldest first); None with fewer than
    two comparable waves. PoolRefused when a wave's rooms cannot be pooled."""
    waves = Organisations(store).waves(organisation_id)
    if wave_ids is not None:
        waves = [w for w in waves if w.id in wave_ids]
    inputs = wave_inputs(store, waves, questionnaires)
    return compare(inputs) if len(inputs) >= 2 else None


def assessment_progress(
    store: Store, record: AssessmentRecord, questionnaires: list[Questionnaire]
) -> Comparison | None:
    """For an assessment that is a wave of an organisation, the waves up to its own compared
    (what its workbook's progress sheet shows); None when it is in no organisation, is its
    first wave, or its wave's rooms cannot be pooled."""
    found = Organisations(store).organisation_of(record.id)
    if found is None:
        return None
    organisation, wave = found
    ids = [w.id for w in Organisations(store).waves(organisation.id)]
    try:
        return organisation_comparison(
            store, organisation.id, questionnaires, ids[: ids.index(wave.id) + 1]
        )
    except PoolRefused:
        return None
