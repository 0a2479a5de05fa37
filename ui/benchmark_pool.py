"""The consultant's tools for the benchmark pool: import past clients from a CSV, delete an
import, export the pool; behind CONSULTANT_KEY on a shared server."""

from __future__ import annotations

import hmac

import streamlit as st

from assessment.benchmark import (
    MAX_IMPORT_BYTES,
    BenchmarkError,
    PoolEntry,
    as_rows,
    export_rows,
    parse_import,
)
from assessment.i18n import in_language, say
from assessment.models import Language, Questionnaire
from assessment.settings import settings
from assessment.store import Store
from ui import widgets
from ui.pool import pool_changed


def consultant_unlocked(lang: Language) -> bool:
    """On a shared server, CONSULTANT_KEY guards the pool's import, deletion and export; on a
    consultant's own laptop (no key set) the tools are simply there."""
    expected = settings().consultant_key
    if not expected:
        return True
    given = st.text_input(
        say("benchmark.consultant_key", lang), type="password", key=f"bench.key__{lang}"
    )
    if given and not hmac.compare_digest(given, expected):
        st.error(say("benchmark.consultant_key_wrong", lang))
    return bool(given) and hmac.compare_digest(given, expected)


def consultant_tools(
    lang: Language, store: Store, questionnaire: Questionnaire, pool: list[PoolEntry]
) -> None:
    with st.expander(say("benchmark.consultant_title", lang), icon=":material/upload_file:"):
        if not consultant_unlocked(lang):
            return
        dimension_ids = [d.id for d in questionnaire.ordered_dimensions()]
        st.caption(say("benchmark.import_help", lang, dimensions=", ".join(dimension_ids)))
        upload = widgets.file_uploader(
            say("benchmark.import_label", lang),
            f"bench.upload__{lang}",
            lang,
            ["csv"],
            max(1, MAX_IMPORT_BYTES // 1_000_000),
        )
        done = st.session_state.pop("bench.imported", None)
        if done:
            st.success(say("benchmark.import_done", lang, n=done[1], batch=done[0]))
        if upload is not None and upload.file_id != st.session_state.get("bench.last_upload"):
            try:
                rows = parse_import(upload.getvalue(), questionnaire, upload.name)
            except BenchmarkError as error:
                st.error(say("benchmark.import_failed", lang))
                st.code("\n".join(in_language(error.problems, lang)), language=None)
            else:
                st.info(say("benchmark.import_ready", lang, n=len(rows)))
                if st.button(
                    say("benchmark.import_button", lang), key="bench.import", type="primary"
                ):
                    batch_id = store.add_benchmark_batch(questionnaire.id, rows)
                    pool_changed()
                    st.session_state["bench.last_upload"] = upload.file_id  # once per file
                    st.session_state["bench.imported"] = (batch_id, len(rows))
                    st.rerun()

        st.markdown(f"**{say('benchmark.batches_title', lang)}**")
        batches = store.benchmark_batches(questionnaire.id)
        if not batches:
            st.caption(say("benchmark.no_batch", lang))
        for batch in batches:
            line, button = st.columns([4, 1])
            line.markdown(
                say(
                    "benchmark.batch_line",
                    lang,
                    batch=batch.batch_id,
                    rows=batch.rows,
                    date=f"{batch.imported_at:%Y-%m-%d %H:%M} UTC",
                )
            )
            if button.button(
                say("benchmark.batch_delete", lang), key=f"bench.delete.{batch.batch_id}"
            ):
                store.delete_benchmark_batch(batch.batch_id)
                pool_changed()
                st.toast(say("benchmark.batch_deleted", lang, batch=batch.batch_id))
                st.rerun()

        st.download_button(
            say("benchmark.export_button", lang),
            data=export_rows(as_rows(pool), dimension_ids).encode("utf-8"),
            file_name=f"benchmark-pool-{questionnaire.id}.csv",
            mime="text/csv",
            key="bench.export",
            help=say("benchmark.export_help", lang),
        )
