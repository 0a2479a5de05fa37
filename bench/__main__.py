"""Run every benchmark: `python -m bench` (or `make bench`)."""

from bench import answer_rerun

if __name__ == "__main__":
    answer_rerun.main()
