"""Command line: the `benchmark` commands (registered by assessment/__main__.py)."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:
    """Add this feature's subcommands to `python -m assessment`."""
