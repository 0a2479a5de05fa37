"""Run every benchmark: `python -m bench` (or `make bench`)."""

from bench import answer_rerun, export_workbook

if __name__ == "__main__":
    for benchmark in (answer_rerun, export_workbook):
        benchmark.main()
        print()
