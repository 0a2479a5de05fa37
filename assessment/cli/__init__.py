"""The command line: validate, score, template, schema, export, import (main), roadmap and
benchmark. Exit codes: 0 success, 1 invalid input (every problem on stderr), 2 wrong usage."""

from assessment.cli.main import main

__all__ = ["main"]
