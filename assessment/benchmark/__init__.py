"""Benchmarks: published reference points and distributions (each with its source), the
consultant's pool of past clients, and an assessment's position among its peers."""

from assessment.benchmark import dii
from assessment.benchmark.chart import peer_chart
from assessment.benchmark.pool_files import (
    MAX_IMPORT_BYTES,
    MAX_IMPORT_ROWS,
    export_rows,
    exportable,
    parse_import,
)
from assessment.benchmark.positions import (
    WIDENING,
    DimensionPosition,
    Pool,
    PoolEntry,
    Scope,
    as_rows,
    is_old,
    load_pool,
    percentile,
    pool_entry,
    position,
    quartiles,
    questionnaire_key,
)
from assessment.benchmark.sources import (
    BENCHMARKS_DIR,
    BenchmarkError,
    BenchmarkLibrary,
    ReferenceFigure,
    load_benchmarks,
)

__all__ = [
    "BENCHMARKS_DIR",
    "MAX_IMPORT_BYTES",
    "MAX_IMPORT_ROWS",
    "WIDENING",
    "BenchmarkError",
    "BenchmarkLibrary",
    "DimensionPosition",
    "Pool",
    "PoolEntry",
    "ReferenceFigure",
    "Scope",
    "as_rows",
    "dii",
    "export_rows",
    "exportable",
    "is_old",
    "load_benchmarks",
    "load_pool",
    "parse_import",
    "peer_chart",
    "percentile",
    "pool_entry",
    "position",
    "quartiles",
    "questionnaire_key",
]
