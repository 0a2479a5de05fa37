"""Command line: the `benchmark` commands (registered by assessment/__main__.py).

    python -m assessment benchmark import FILE [--database URL] [--questionnaire PATH]
    python -m assessment benchmark export --out FILE
    python -m assessment benchmark batches | delete BATCH_ID | validate [FOLDER]
    python -m assessment benchmark show --answers FILE --sector J --size-class 50-249

Exit codes as elsewhere: 0 success, 1 invalid input (``error: …`` lines on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assessment.benchmark import (
    BENCHMARKS_DIR,
    MAX_IMPORT_BYTES,
    BenchmarkError,
    Scope,
    as_rows,
    export_rows,
    exportable,
    load_benchmarks,
    load_pool,
    parse_import,
    position,
)
from assessment.profile import SECTORS, SIZE_CLASSES
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire, read_answers
from assessment.scoring import score
from assessment.settings import settings
from assessment.store import Store, StoreError


def register(commands: argparse._SubParsersAction) -> None:
    """Add this feature's subcommands to `python -m assessment`."""
    benchmark = commands.add_parser(
        "benchmark", help="import, export and inspect the benchmark pool"
    )
    sub = benchmark.add_subparsers(required=True, metavar="ACTION")

    def with_common(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument("--database", metavar="URL", help="default: DATABASE_URL or data/")
        parser.add_argument("--questionnaire", metavar="PATH", default=str(DEFAULT_QUESTIONNAIRE))
        return parser

    imported = with_common(sub.add_parser("import", help="add a CSV of past clients' scores"))
    imported.add_argument("file", metavar="FILE")
    imported.set_defaults(command=_import)

    exported = with_common(sub.add_parser("export", help="write the pool as anonymised CSV"))
    exported.add_argument("--out", required=True, metavar="FILE")
    exported.set_defaults(command=_export)

    batches = with_common(sub.add_parser("batches", help="list the imported batches"))
    batches.set_defaults(command=_batches)

    delete = with_common(sub.add_parser("delete", help="delete an imported batch"))
    delete.add_argument("batch_id", metavar="BATCH_ID")
    delete.set_defaults(command=_delete)

    validate = with_common(sub.add_parser("validate", help="check the benchmark data files"))
    validate.add_argument("folder", nargs="?", default=str(BENCHMARKS_DIR), metavar="FOLDER")
    validate.set_defaults(command=_validate)

    show = with_common(sub.add_parser("show", help="percentiles of an answers file"))
    show.add_argument("--answers", required=True, metavar="FILE")
    show.add_argument("--sector", required=True, choices=list(SECTORS))
    show.add_argument("--size-class", required=True, choices=list(SIZE_CLASSES))
    show.add_argument("--scope", choices=[s.value for s in Scope], default=Scope.sector_size)
    show.set_defaults(command=_show)


def _fail(problems: list[str]) -> int:
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1


def _store(args: argparse.Namespace) -> Store:
    return Store(args.database or settings().database())


def _import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    questionnaire = load_questionnaire(args.questionnaire)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)  # never more than the cap into memory
        rows = parse_import(data, questionnaire, path.name)
    except OSError as error:
        return _fail([f"{path.name}: cannot be read ({error.strerror})"])
    except BenchmarkError as error:
        return _fail(error.problems + [f"{path.name}: nothing was imported"])
    store = _store(args)
    try:
        batch_id = store.add_benchmark_batch(questionnaire.id, rows)
    except StoreError as error:
        return _fail([str(error)])
    finally:
        store.dispose()
    print(f"imported {len(rows)} row(s) from {path.name} as batch {batch_id}")
    return 0


def _export(args: argparse.Namespace) -> int:
    questionnaire = load_questionnaire(args.questionnaire)
    store = _store(args)
    try:
        pool = load_pool(store, questionnaire)
    finally:
        store.dispose()
    dimension_ids = [d.id for d in questionnaire.ordered_dimensions()]
    min_peers = settings().benchmark_min_peers
    kept, held_back = exportable(as_rows(pool), min_peers)
    Path(args.out).write_text(export_rows(kept, dimension_ids, min_peers), encoding="utf-8")
    print(f"wrote {len(kept)} row(s) to {args.out}")
    if held_back:
        print(
            f"held back {held_back} row(s) of peer groups under {min_peers} (BENCHMARK_MIN_PEERS)"
        )
    return 0


def _batches(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        batches = store.benchmark_batches()
    finally:
        store.dispose()
    if not batches:
        print("no imported batch")
    for batch in batches:
        print(
            f"{batch.batch_id}  {batch.rows:5d} row(s)  {batch.questionnaire_id}  "
            f"{batch.imported_at:%Y-%m-%d %H:%M} UTC"
        )
    return 0


def _delete(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        removed = store.delete_benchmark_batch(args.batch_id)
    finally:
        store.dispose()
    if not removed:
        return _fail([f"no batch {args.batch_id!r}"])
    print(f"deleted batch {args.batch_id} ({removed} row(s))")
    return 0


def _validate(args: argparse.Namespace) -> int:
    questionnaire = load_questionnaire(args.questionnaire)
    try:
        library = load_benchmarks(questionnaire, args.folder)
    except BenchmarkError as error:
        return _fail(error.problems)
    print(
        f"{args.folder}: OK, {len(library.references)} reference point(s), "
        f"{len(library.distributions)} distribution(s)"
    )
    return 0


def _show(args: argparse.Namespace) -> int:
    questionnaire = load_questionnaire(args.questionnaire)
    result = score(questionnaire, read_answers(args.answers, questionnaire))
    store = _store(args)
    try:
        pool = load_pool(store, questionnaire)
    finally:
        store.dispose()
    min_peers = settings().benchmark_min_peers
    print(f"pool: {len(pool)} organisation(s); at least {min_peers} peers needed")
    for item in position(
        result, pool, args.sector, args.size_class, scope=Scope(args.scope), min_peers=min_peers
    ):
        title = questionnaire.dimension(item.dimension_id).title("en")
        if item.score is None:
            print(f"{title}: not answered")
        elif not item.enough:
            print(f"{title}: not enough peers yet in any group")
        else:
            q = item.quartiles
            print(
                f"{title}: {item.score:.0f}, percentile {item.percentile:.0f} among "
                f"{len(item.peers)} peer(s) ({item.scope.value}); "
                f"quartiles {q.q1:.0f} / {q.median:.0f} / {q.q3:.0f}"
            )
    return 0
