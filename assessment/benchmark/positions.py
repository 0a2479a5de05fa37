"""Where an organisation stands among its peers: percentiles, quartiles, peer groups.

The pool is made of the assessments whose owner opted in, plus a consultant's imported past
clients. Definitions (also in benchmarks/README.md):

- **Percentile** of a score x among n peers = 100 × (peers strictly below x + ½ × peers equal
  to x) / n. Between 0 and 100; 50 when every peer has the same score as x; undefined (None)
  for an empty group. Scores are compared rounded to 6 decimals, so float noise makes no tie
  disappear.
- **Quartiles** Q1, median, Q3: linear interpolation between the sorted peer scores (the
  default of pandas and numpy), so a single peer's score is all three.
- **Pool entry**: an opted-in assessment contributes one score per dimension whose coverage is
  at least ``MIN_DIMENSION_COVERAGE`` (0.8: at least 8 questions of 10 answered); the others
  are left out for that dimension only. An organisation is never its own peer.
- **Peer group**: same sector and size class, else (fewer than ``min_peers`` members) the next
  wider group, in this order: size class only, sector only, the whole pool.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import weakref
from collections.abc import Iterable, Sequence
from enum import StrEnum

from pydantic import BaseModel, field_validator

from assessment.models import Frozen, Questionnaire
from assessment.results import Result
from assessment.scoring import score
from assessment.settings import DEFAULT_MIN_PEERS
from assessment.store import ScoreRow, Store

MIN_DIMENSION_COVERAGE = 0.8
THIN_GROUP = 30  # fewer peers than this: say the comparison is an indication only
OLD_AFTER_YEARS = 5  # a published figure older than this is flagged as old


class Scope(StrEnum):
    sector_size = "sector_size"
    size = "size"
    sector = "sector"
    all = "all"


WIDENING = (Scope.sector_size, Scope.size, Scope.sector, Scope.all)


class PoolEntry(Frozen):
    sector: str
    size_class: str
    scores: dict[str, float]
    assessment_id: int | None = None  # None for an imported row

    @field_validator("scores")
    @classmethod
    def _rounded(cls, scores: dict[str, float]) -> dict[str, float]:
        # Rounded once here, so that comparing thousands of peers needs no rounding.
        return {dimension: _key(value) for dimension, value in scores.items()}


class Quartiles(Frozen):
    q1: float
    median: float
    q3: float
    low: float
    high: float


class GroupTry(Frozen):
    scope: Scope
    members: int


class DimensionPosition(Frozen):
    """One dimension of the organisation against one peer group."""

    dimension_id: str
    score: float | None
    requested: Scope
    scope: Scope | None  # the group used; None when even the whole pool is too small
    tried: list[GroupTry]  # every group looked at, from the requested one outwards
    peers: list[float]
    percentile: float | None
    quartiles: Quartiles | None
    min_peers: int

    @property
    def enough(self) -> bool:
        return self.scope is not None

    @property
    def widened(self) -> bool:
        return self.scope is not None and self.scope != self.requested

    @property
    def thin(self) -> bool:
        return self.enough and len(self.peers) < THIN_GROUP


# --- pure statistics ---------------------------------------------------------------------------


def _key(value: float) -> float:
    return round(value, 6)


def percentile(value: float, peers: Sequence[float]) -> float | None:
    """Share of peers strictly below, plus half the ties, in percent; None for no peer."""
    if not peers:
        return None
    ordered = sorted(_key(p) for p in peers)
    return percentile_sorted(value, ordered)


def percentile_sorted(value: float, ordered: Sequence[float]) -> float | None:
    """``percentile`` over peers already rounded with ``_key`` and sorted (for many lookups)."""
    if not ordered:
        return None
    x = _key(value)
    below = bisect.bisect_left(ordered, x)
    ties = bisect.bisect_right(ordered, x) - below
    return 100 * (below + ties / 2) / len(ordered)


def quartiles(peers: Sequence[float]) -> Quartiles | None:
    return quartiles_sorted(sorted(peers))


def quartiles_sorted(ordered: Sequence[float]) -> Quartiles | None:
    """``quartiles`` of peers already sorted."""
    if not ordered:
        return None
    return Quartiles(
        q1=_interpolated(ordered, 0.25),
        median=_interpolated(ordered, 0.5),
        q3=_interpolated(ordered, 0.75),
        low=ordered[0],
        high=ordered[-1],
    )


def _interpolated(ordered: Sequence[float], p: float) -> float:
    h = (len(ordered) - 1) * p
    below = int(h)
    if below + 1 >= len(ordered):
        return ordered[below]
    return ordered[below] + (h - below) * (ordered[below + 1] - ordered[below])


# --- the pool ----------------------------------------------------------------------------------


def pool_entry(
    questionnaire: Questionnaire,
    result: Result,
    sector: str,
    size_class: str,
    assessment_id: int | None = None,
) -> PoolEntry | None:
    """The scores an assessment brings to the pool: dimensions covered well enough only."""
    scores = {
        d.id: d.score
        for d in result.dimensions
        if d.score is not None and d.coverage >= MIN_DIMENSION_COVERAGE
    }
    if not scores:
        return None
    return PoolEntry(
        sector=sector, size_class=size_class, scores=scores, assessment_id=assessment_id
    )


def load_pool(store: Store, questionnaire: Questionnaire) -> Pool:
    """Opted-in assessments and imported rows. A member's scores are computed from its answers
    once and kept in the store; they are computed anew only after its answers change or when
    the questionnaire's content differs from the one they were computed with."""
    key = questionnaire_key(questionnaire)
    rows, stale = store.pool_scores(questionnaire.id, key)
    known = {q.id for _, q in questionnaire.questions()}
    fresh: dict[int, dict[str, float]] = {}
    entries: dict[int, PoolEntry] = {}
    for member in stale:
        # An answer to a question since removed from the questionnaire is ignored.
        answers = {k: v for k, v in member.answers.items() if k in known}
        entry = pool_entry(
            questionnaire,
            score(questionnaire, answers),
            member.sector,
            member.size_class,
            member.assessment_id,
        )
        fresh[member.assessment_id] = entry.scores if entry is not None else {}
        if entry is not None:
            entries[member.assessment_id] = entry
    store.save_pool_scores(key, fresh)
    kept: dict[int, dict[str, float]] = {}
    for assessment_id, sector, size_class, dimension_id, value in rows:
        scores = kept.get(assessment_id)
        if scores is None:
            scores = kept[assessment_id] = {}
            entries[assessment_id] = _kept_entry(sector, size_class, scores, assessment_id)
        scores[dimension_id] = value
    pool = Pool(entries[k] for k in sorted(entries))
    dimensions = {d.id for d in questionnaire.dimensions}
    for row in store.benchmark_rows(questionnaire.id):
        scores = {k: v for k, v in row.scores.items() if k in dimensions}
        if scores:
            pool.append(PoolEntry(sector=row.sector, size_class=row.size_class, scores=scores))
    return pool


_ENTRY_FIELDS = frozenset(PoolEntry.model_fields)
# The slots every pydantic model has, set directly (half the cost of object.__setattr__).
_SET_FIELDS_SET = BaseModel.__pydantic_fields_set__.__set__
_SET_EXTRA = BaseModel.__pydantic_extra__.__set__
_SET_PRIVATE = BaseModel.__pydantic_private__.__set__


def _kept_entry(sector: str, size_class: str, scores: dict, assessment_id: int) -> PoolEntry:
    """A pool entry from scores the store kept, already rounded as PoolEntry rounds them: made
    as ``model_construct`` would (no validation), for a quarter of its cost, which counts at
    10,000 members on every load."""
    entry = PoolEntry.__new__(PoolEntry)
    state = {"sector": sector, "size_class": size_class, "scores": scores}
    object.__setattr__(entry, "__dict__", state | {"assessment_id": assessment_id})
    _SET_FIELDS_SET(entry, _ENTRY_FIELDS)
    _SET_EXTRA(entry, None)
    _SET_PRIVATE(entry, None)
    return entry


_KEYS: dict[int, tuple[weakref.ref, str]] = {}


def questionnaire_key(questionnaire: Questionnaire) -> str:
    """A digest of the questionnaire's whole content (a changed weight, anchor or threshold
    gives another), remembered per questionnaire object (frozen: its content cannot change)."""
    hit = _KEYS.get(id(questionnaire))
    if hit is not None and hit[0]() is questionnaire:
        return hit[1]
    digest = hashlib.sha256(questionnaire.model_dump_json().encode()).hexdigest()
    if len(_KEYS) > 64:
        _KEYS.clear()
    _KEYS[id(questionnaire)] = (weakref.ref(questionnaire), digest)
    return digest


def as_rows(pool: Iterable[PoolEntry]) -> list[ScoreRow]:
    """The pool anonymised: peer-group keys and scores (for the export)."""
    return [ScoreRow(sector=e.sector, size_class=e.size_class, scores=e.scores) for e in pool]


def in_scope(entry: PoolEntry, scope: Scope, sector: str, size_class: str) -> bool:
    if scope == Scope.sector_size:
        return entry.sector == sector and entry.size_class == size_class
    if scope == Scope.size:
        return entry.size_class == size_class
    if scope == Scope.sector:
        return entry.sector == sector
    return True


def peer_scores(
    pool: Iterable[PoolEntry],
    dimension_id: str,
    scope: Scope,
    sector: str,
    size_class: str,
    exclude: int | None = None,
) -> list[float]:
    """Scores of one dimension among the peers of a group (never the organisation itself)."""
    members = (
        pool if scope == Scope.all else [e for e in pool if in_scope(e, scope, sector, size_class)]
    )
    return [
        e.scores[dimension_id]
        for e in members
        if dimension_id in e.scores and (exclude is None or e.assessment_id != exclude)
    ]


class Pool(list):
    """The pool as a list of entries that also keeps, per peer group, each dimension's scores
    sorted: built on the first ``position()`` asking for that group, reused by the next ones
    (a page's every rerun, with 10,000 peers). Changing the list drops what it kept."""

    def peer_index(self) -> PeerIndex:
        index = self.__dict__.get("_index")
        if index is None:
            index = self.__dict__["_index"] = PeerIndex(self)
        return index

    def _changed(self) -> None:
        self.__dict__.pop("_index", None)


def _dropping_index(name: str):
    method = getattr(list, name)

    def changed(self, *args, **kwargs):
        self._changed()
        return method(self, *args, **kwargs)

    changed.__name__ = name
    return changed


for _name in ("append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse",
              "__setitem__", "__delitem__", "__iadd__", "__imul__"):  # fmt: skip
    setattr(Pool, _name, _dropping_index(_name))


class PeerIndex:
    """Per peer group and dimension, the peers' scores sorted (and who is in the pool)."""

    def __init__(self, pool: Sequence[PoolEntry]):
        self.pool = pool
        self._groups: dict[tuple[Scope, str, str], dict[str, list[float]]] = {}
        self._members: dict[int, list[PoolEntry]] | None = None

    def sorted_scores(self, scope: Scope, sector: str, size_class: str) -> dict[str, list[float]]:
        """Dimension id → the group's scores, sorted (shared: never change them)."""
        key = (
            scope,
            sector if scope in (Scope.sector_size, Scope.sector) else "",
            size_class if scope in (Scope.sector_size, Scope.size) else "",
        )
        found = self._groups.get(key)
        if found is None:
            columns: dict[str, list[float]] = {}
            for entry in self.pool:
                if scope == Scope.all or in_scope(entry, scope, sector, size_class):
                    for dimension_id, value in entry.scores.items():
                        columns.setdefault(dimension_id, []).append(value)
            for column in columns.values():
                column.sort()
            found = self._groups[key] = columns
        return found

    def peers(
        self,
        dimension_id: str,
        scope: Scope,
        sector: str,
        size_class: str,
        exclude: int | None = None,
    ) -> list[float]:
        """As ``peer_scores``, sorted: the organisation's own entry taken out."""
        ordered = self.sorted_scores(scope, sector, size_class).get(dimension_id, [])
        if exclude is None:
            return ordered
        if self._members is None:
            self._members = {}
            for entry in self.pool:
                if entry.assessment_id is not None:
                    self._members.setdefault(entry.assessment_id, []).append(entry)
        own = [
            e.scores[dimension_id]
            for e in self._members.get(exclude, [])
            if dimension_id in e.scores and in_scope(e, scope, sector, size_class)
        ]
        if not own:
            return ordered
        ordered = list(ordered)
        for value in own:
            del ordered[bisect.bisect_left(ordered, value)]
        return ordered


def position(
    result: Result,
    pool: Sequence[PoolEntry],
    sector: str,
    size_class: str,
    *,
    scope: Scope = Scope.sector_size,
    min_peers: int = DEFAULT_MIN_PEERS,
    exclude: int | None = None,
) -> list[DimensionPosition]:
    """Per dimension: the first group, from ``scope`` outwards, with at least ``min_peers``
    members, and the organisation's percentile and the quartiles in it. A ``Pool`` (as
    ``load_pool`` returns) keeps its sorted groups for the next call."""
    order = WIDENING[WIDENING.index(scope) :]
    index = pool.peer_index() if isinstance(pool, Pool) else PeerIndex(pool)
    positions = []
    for dimension in result.dimensions:
        tried: list[GroupTry] = []
        used, peers = None, []
        for candidate in order:
            scores = index.peers(dimension.id, candidate, sector, size_class, exclude)
            tried.append(GroupTry(scope=candidate, members=len(scores)))
            if len(scores) >= min_peers:
                used, peers = candidate, scores  # rounded on entry, sorted
                break
        positions.append(
            DimensionPosition(
                dimension_id=dimension.id,
                score=dimension.score,
                requested=scope,
                scope=used,
                tried=tried,
                peers=peers,
                percentile=(
                    percentile_sorted(dimension.score, peers)
                    if dimension.score is not None
                    else None
                ),
                quartiles=quartiles_sorted(peers),
                min_peers=min_peers,
            )
        )
    return positions


def is_old(year: int, today: dt.date | None = None) -> bool:
    """A published figure more than five years older than today."""
    return (today or dt.date.today()).year - year > OLD_AFTER_YEARS
