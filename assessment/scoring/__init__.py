"""Scoring: answers → dimension scores, coverage, maturity level, symmetry, stall and the other
declared diagnoses.

One rule for every caller (self-assessment, workshop room, benchmark pool); the formulas are in
docs/scoring.md. ``ScoringPlan`` is the fast path for many answer sets, ``score`` the full result.
"""

from assessment.scoring.rules import (
    DIAGNOSIS_THRESHOLD,
    HIGHLIGHTS,
    STALL,
    AnswerError,
    Answers,
    ScoreSet,
    ScoringPlan,
    check_answers,
    declared_diagnoses,
    diagnosis_threshold,
    highlights,
    is_stall,
    judge_diagnoses,
    judge_symmetry,
    made_of,
    maturity_level,
    not_strengths,
    quadrant,
    score,
    watches_stall,
    weighted_mean,
)

__all__ = [
    "DIAGNOSIS_THRESHOLD",
    "HIGHLIGHTS",
    "STALL",
    "AnswerError",
    "Answers",
    "ScoreSet",
    "ScoringPlan",
    "check_answers",
    "declared_diagnoses",
    "diagnosis_threshold",
    "highlights",
    "is_stall",
    "judge_diagnoses",
    "judge_symmetry",
    "made_of",
    "maturity_level",
    "not_strengths",
    "quadrant",
    "score",
    "watches_stall",
    "weighted_mean",
]
