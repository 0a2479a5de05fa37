"""Run every benchmark: `python -m bench` (or `make bench`)."""

from bench import (
    answer_rerun,
    benchmark_percentiles,
    export_workbook,
    workshop_databases,
    workshop_load,
)

if __name__ == "__main__":
    for benchmark in (
        answer_rerun,
        export_workbook,
        benchmark_percentiles,
        workshop_load,
        workshop_databases,
    ):
        benchmark.main()
        print()
