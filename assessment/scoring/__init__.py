"""Scoring: answers → dimension scores, coverage, maturity level, symmetry and stall.

One rule for every caller (self-assessment, workshop room, benchmark pool); the formulas are in
docs/scoring.md. ``ScoringPlan`` is the fast path for many answer sets, ``score`` the full result.
"""

from assessment.scoring.rules import (
    HIGHLIGHTS,
    AnswerError,
    Answers,
    ScoreSet,
    ScoringPlan,
    check_answers,
    highlights,
    is_stall,
    judge_symmetry,
    maturity_level,
    quadrant,
    score,
    weighted_mean,
)

__all__ = [
    "HIGHLIGHTS",
    "AnswerError",
    "Answers",
    "ScoreSet",
    "ScoringPlan",
    "check_answers",
    "highlights",
    "is_stall",
    "judge_symmetry",
    "maturity_level",
    "quadrant",
    "score",
    "weighted_mean",
]
