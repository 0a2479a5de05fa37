"""The roadmap's action library: a YAML file of actions, validated like a questionnaire.

Each action belongs to a phase of the method (awareness → pilot → diffusion), addresses themes,
questions or dimensions of a questionnaire, and applies when its ``when`` condition holds. The
format is described for consultants in ``roadmaps/README.md``.

Validation runs two passes over the parsed YAML and reports every problem with its line and
location (as :mod:`assessment.questionnaire` does): the structure by the pydantic models, then
the consistency (duplicate ids, references to the questionnaire, dependencies and their cycles).

A library also carries the pilot's indicators, read from ``kpis.yaml`` (:mod:`.kpis`) and
checked against the same questionnaire, so that whoever holds a library can build a roadmap.
"""

from __future__ import annotations

from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, PrivateAttr, model_validator

from assessment.i18n import Message
from assessment.models import LANGUAGES, Frozen, Identifier, Questionnaire, Text, VersionText
from assessment.questionnaire.texts import language_problems
from assessment.roadmap.kpis import KpiDefinition, LibraryError, load_kpis
from assessment.scoring import declared_diagnoses
from assessment.settings import PROJECT_DIR
from assessment.yaml_document import (
    Found,
    Location,
    describe,
    duplicates,
    entries,
    other_questionnaire,
    read_document,
    said,
    unknown_choice,
    unknown_reference,
    validate_document,
)

ROADMAPS_DIR = PROJECT_DIR / "roadmaps"
DEFAULT_LIBRARY = ROADMAPS_DIR / "actions.yaml"
DEFAULT_KPIS = ROADMAPS_DIR / "kpis.yaml"
SUBJECTS = ("dimension", "theme", "question", "stall", "diagnosis", "always")


class Phase(StrEnum):
    """The three steps of the method, in their order."""

    awareness = "awareness"
    pilot = "pilot"
    diffusion = "diffusion"


PHASES = tuple(Phase)


class Effort(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"


class Condition(Frozen):
    """One criterion of ``when``: a dimension, theme or question scoring below a threshold,
    a stall warning, a diagnosis of the questionnaire raised, or ``always``."""

    dimension: Identifier | None = None
    theme: Identifier | None = None
    question: Identifier | None = None
    below: float | None = Field(default=None, gt=0, le=100)
    stall: Literal[True] | None = None
    diagnosis: Identifier | None = None
    always: Literal[True] | None = None

    @model_validator(mode="after")
    def _one_subject(self) -> Condition:
        given = [name for name in SUBJECTS if getattr(self, name) is not None]
        if len(given) != 1:
            # The Message rides in the ValueError, for _explain to say in the reader's language.
            found = ", ".join(given) if given else said("no_subject")
            raise ValueError(said("condition_subjects", found=found))
        scored = given[0] in ("dimension", "theme", "question")
        if scored and self.below is None:
            raise ValueError(said("needs_threshold", subject=given[0]))
        if not scored and self.below is not None:
            raise ValueError(said("below_not_applicable", subject=given[0]))
        return self

    @property
    def subject(self) -> str:
        return next(name for name in SUBJECTS if getattr(self, name) is not None)


def _conditions(value: Any) -> Any:
    """``when: always`` and a single mapping are shorthands for a list of conditions."""
    if value == "always":
        return [{"always": True}]
    return [value] if isinstance(value, dict) else value


When = Annotated[list[Condition], BeforeValidator(_conditions), Field(min_length=1)]


class Action(Frozen):
    id: Identifier
    phase: Phase
    title: Text
    rationale: Text = Field(description="One line: why this action matters")
    owner: Text = Field(description="The role that carries the action")
    effort: Effort
    duration_weeks: int = Field(ge=1, le=52)
    themes: list[Identifier] = Field(default_factory=list)
    questions: list[Identifier] = Field(default_factory=list)
    dimensions: list[Identifier] = Field(default_factory=list)
    when: When = Field(description="The action applies when any of these conditions holds")
    depends_on: list[Identifier] = Field(default_factory=list)


class ActionLibrary(Frozen):
    id: Identifier
    version: VersionText
    questionnaire: Identifier | None = Field(
        default=None, description="Id of the questionnaire it refers to"
    )
    questionnaires: list[Identifier] = Field(
        default_factory=list, description="Other questionnaires it serves, by id"
    )
    themes: list[Identifier] = Field(
        default_factory=list,
        description="Themes it serves: any questionnaire with one of them gets its actions "
        "that speak only of what that questionnaire has",
    )
    title: Text
    at_most: dict[Phase, Annotated[int, Field(ge=1)]] = Field(
        default_factory=dict,
        description="The most actions a phase proposes, the highest priority first",
    )
    actions: list[Action] = Field(min_length=1)
    # Private, so that a `kpis` key in actions.yaml stays an unknown key: they live in kpis.yaml.
    _kpis: list[KpiDefinition] = PrivateAttr(default_factory=list)

    @property
    def kpis(self) -> list[KpiDefinition]:
        """The pilot's indicators, in the order the roadmap shows them."""
        return self._kpis

    def action(self, action_id: str) -> Action:
        return next(a for a in self.actions if a.id == action_id)

    def names(self, questionnaire: Questionnaire) -> bool:
        """Whether it is written for this questionnaire (its id is listed)."""
        return questionnaire.id in {self.questionnaire, *self.questionnaires}

    def serves(self, questionnaire: Questionnaire) -> bool:
        """Written for this questionnaire, or for one of its themes."""
        return self.names(questionnaire) or bool(
            set(self.themes) & {t.id for t in questionnaire.themes}
        )

    def for_questionnaire(self, questionnaire: Questionnaire) -> ActionLibrary:
        """Its actions that speak only of what the questionnaire has (all of them when it is
        written for it), dependencies on actions left out dropped."""
        if self.names(questionnaire):
            return self
        known = {
            "themes": {t.id for t in questionnaire.themes},
            "questions": {q.id for _, q in questionnaire.questions()},
            "dimensions": {d.id for d in questionnaire.dimensions},
        }
        diagnoses = {d.id for d in declared_diagnoses(questionnaire)}

        def fits(action: Action) -> bool:
            listed = all(set(getattr(action, key)) <= ids for key, ids in known.items())
            return listed and all(
                (c.subject + "s" not in known or getattr(c, c.subject) in known[c.subject + "s"])
                and (c.diagnosis is None or c.diagnosis in diagnoses)
                for c in action.when
            )

        kept = [a for a in self.actions if fits(a)]
        ids = {a.id for a in kept}
        kept = [
            a.model_copy(update={"depends_on": [d for d in a.depends_on if d in ids]}) for a in kept
        ]
        served = self.model_copy(update={"actions": kept})
        served._kpis = self._kpis
        return served


def load_library(
    path: str | Path,
    questionnaire: Questionnaire | None = None,
    kpi_file: str | Path | None = None,
) -> ActionLibrary:
    """Load and validate a library and its KPI file; with a questionnaire, their references
    are checked too. The KPI file is checked once the actions pass (LibraryError lists every
    problem of the first file that has some)."""
    path = Path(path)
    return parse_library(read_document(path, LibraryError), path.name, questionnaire, kpi_file)


def parse_library(
    text: str,
    source: str = "<actions>",
    questionnaire: Questionnaire | None = None,
    kpi_file: str | Path | None = None,
) -> ActionLibrary:
    checks = partial(_consistency_problems, questionnaire=questionnaire)
    library = validate_document(text, source, ActionLibrary, LibraryError, _explain, checks)
    library._kpis = kpis_for(kpi_file, questionnaire)
    return library


def kpis_for(kpi_file: str | Path | None, questionnaire: Questionnaire | None):
    """The KPI file given (checked against the questionnaire), else the shipped one: checked
    too when it is written for this questionnaire; with another questionnaire its KPIs simply
    find no baseline in the answers, as a library of one's own needs no KPI file of its own."""
    if kpi_file is not None:
        return load_kpis(kpi_file, questionnaire).kpis
    shipped = load_kpis(DEFAULT_KPIS)
    if questionnaire is not None and shipped.questionnaire == questionnaire.id:
        shipped = load_kpis(DEFAULT_KPIS, questionnaire)
    return shipped.kpis


# --- structure -----------------------------------------------------------------------------


def _explain(error: Any) -> tuple[Location, str | Message]:
    kind, location = error["type"], tuple(p for p in error["loc"] if p != "[key]")
    if kind == "value_error":  # raised by Condition._one_subject, its Message inside
        reason = error["ctx"]["error"]
        return location, reason.args[0] if reason.args else str(reason)
    if kind == "extra_forbidden":
        return location, said("unknown_key", readme="roadmaps/README.md")
    if kind == "enum" and location[-1:] == ("phase",):
        return location, unknown_choice(error)
    if kind == "literal_error" and location[-1:] in (("stall",), ("always",)):
        return location, said("must_be_true")
    return describe(error, "roadmaps/README.md")


# --- consistency ---------------------------------------------------------------------------


def _consistency_problems(data: dict, questionnaire: Questionnaire | None) -> Found:
    actions = entries(data, "actions")
    ids = [(("actions", i, "id"), a.get("id")) for i, a in actions]
    problems = duplicates(ids, "action_id") + _empty_actions(actions)
    if not any(data.get(key) for key in ("questionnaire", "questionnaires", "themes")):
        problems.append(((), Message("model.problem_library_serves_nothing")))
    problems += language_problems(data, ActionLibrary, required=LANGUAGES)
    problems += _dependency_problems(actions)
    if questionnaire is not None:
        problems += _questionnaire_problems(data, actions, questionnaire)
    return problems


def _empty_actions(actions: list[tuple[int, dict]]) -> Found:
    return [
        (("actions", i), said("addresses_nothing"))
        for i, action in actions
        if not any(action.get(key) for key in ("themes", "questions", "dimensions"))
    ]


def _questionnaire_problems(
    data: dict, actions: list[tuple[int, dict]], questionnaire: Questionnaire
) -> Found:
    listed = data.get("questionnaires")
    listed = listed if isinstance(listed, list) else []
    if questionnaire.id not in [data.get("questionnaire"), *listed]:
        if not data.get("questionnaire"):
            return []  # a library of themes: actions the questionnaire cannot use are left out
        # every reference would be reported otherwise
        return other_questionnaire(data, questionnaire.id, "other_questionnaire_library")
    problems: Found = []
    known = {
        "theme": {t.id for t in questionnaire.themes},
        "question": {q.id for _, q in questionnaire.questions()},
        "dimension": {d.id for d in questionnaire.dimensions},
    }
    diagnoses = {d.id for d in declared_diagnoses(questionnaire)}
    for i, action in actions:
        for kind in known:
            listed = action.get(kind + "s")
            for j, ref in enumerate(listed if isinstance(listed, list) else []):
                if isinstance(ref, str) and ref not in known[kind]:
                    problems.append(
                        (
                            ("actions", i, kind + "s", j),
                            unknown_reference(kind, ref, questionnaire.id),
                        )
                    )
        for j, condition in entries(action, "when"):
            diagnosis = condition.get("diagnosis")
            if isinstance(diagnosis, str) and diagnosis not in diagnoses:
                values = {"ref": repr(diagnosis), "questionnaire": repr(questionnaire.id)}
                message = Message("diagnoses.problem_unknown_in", values)
                problems.append((("actions", i, "when", j, "diagnosis"), message))
            for kind in known:
                ref = condition.get(kind)
                if isinstance(ref, str) and ref not in known[kind]:
                    problems.append(
                        (
                            ("actions", i, "when", j, kind),
                            unknown_reference(kind, ref, questionnaire.id),
                        )
                    )
    return problems


def _dependency_problems(actions: list[tuple[int, dict]]) -> Found:
    by_id = {a["id"]: (i, a) for i, a in actions if isinstance(a.get("id"), str)}
    order = {phase.value: n for n, phase in enumerate(PHASES)}
    graph: dict[str, list[str]] = {}
    problems: Found = []
    for i, action in actions:
        deps = action.get("depends_on")
        valid = []
        for j, dep in enumerate(deps if isinstance(deps, list) else []):
            if not isinstance(dep, str):
                continue
            where = ("actions", i, "depends_on", j)
            if dep not in by_id:
                problems.append((where, said("unknown_action", action=repr(dep))))
                continue
            valid.append(dep)
            mine, theirs = action.get("phase"), by_id[dep][1].get("phase")
            if order.get(theirs, -1) > order.get(mine, len(order)):
                message = said("later_phase", action=repr(dep), theirs=theirs, mine=mine)
                problems.append((where, message))
        if isinstance(action.get("id"), str):
            graph[action["id"]] = valid
    for cycle in _cycles(graph):
        index = by_id[cycle[0]][0]
        message = said("dependency_cycle", cycle=" → ".join(cycle))
        problems.append((("actions", index, "depends_on"), message))
    return problems


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Each cycle once, as ``[a, b, …, a]`` starting from its first action in file order."""
    cycles: list[list[str]] = []
    in_cycle: set[str] = set()
    for start in graph:
        if start in in_cycle:
            continue
        path = _path_back(graph, start)
        if path:
            cycles.append(path)
            in_cycle.update(path)
    return cycles


def _path_back(graph: dict[str, list[str]], start: str) -> list[str] | None:
    """A shortest dependency path from ``start`` back to itself, if there is one."""
    previous: dict[str, str] = {}
    frontier, seen = [start], {start}
    while frontier:
        following = []
        for node in frontier:
            for dep in graph.get(node, []):
                if dep == start:
                    chain = [node]
                    while chain[-1] != start:
                        chain.append(previous[chain[-1]])
                    return [*reversed(chain), start]
                if dep not in seen:
                    seen.add(dep)
                    previous[dep] = node
                    following.append(dep)
        frontier = following
    return None
