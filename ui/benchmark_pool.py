"""The consultant's tools for the benchmark pool: import past clients from a CSV, delete an
import, export the pool; locked until CONSULTANT_KEY is set."""

from __future__ import annotations

import streamlit as st

from assessment.benchmark import (
    MAX_IMPORT_BYTES,
    BenchmarkError,
    PoolEntry,
    as_rows,
    export_rows,
    exportable,
    parse_import,
)
from assessment.i18n import in_language, say
from assessment.models import Language, Questionnaire
from assessment.settings import settings
from assessment.store import Store
from assessment.throttle import same_secret
from ui import throttle, widgets
from ui.pool import pool_changed


def consultant_unlocked(
    lang: Language, key: str = "bench.key", locked: str = "hardening.tools_locked"
) -> bool:
    """CONSULTANT_KEY guards the pool's import, deletion and export (and the consultant's
    list of organisations, with its own field ``key`` and ``locked`` message). Without a key
    the tools stay locked, with a word on how to set one: the server listens on every
    interface so that phones reach it, and behind a proxy every visitor looks local, so no
    address is trusted. Wrong keys are slowed down per session."""
    expected = settings().consultant_key
    if not expected:
        st.info(say(locked, lang), icon=":material/lock:")
        return False
    # In a form: Streamlit's password field loses what was typed when Tab moves on to its eye
    # button; a form sends it however the field was left. The key stays for the session.
    with st.form(f"{key}.form", border=False):
        given = st.text_input(
            say("benchmark.consultant_key", lang), type="password", key=f"{key}__{lang}"
        )
        st.form_submit_button(say("benchmark.consultant_unlock", lang), key=f"{key}.unlock")
    if not given:
        return False
    right = throttle.attempt("consultant_key", given, lambda k: same_secret(k, expected), lang)
    if right is False:
        st.error(say("benchmark.consultant_key_wrong", lang))
    return bool(right)


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

        min_peers = settings().benchmark_min_peers
        rows, held_back = exportable(as_rows(pool), min_peers)
        if held_back:
            st.caption(say("hardening.held_back", lang, n=held_back, k=min_peers))
        st.download_button(
            say("benchmark.export_button", lang),
            data=export_rows(rows, dimension_ids, min_peers).encode("utf-8"),
            file_name=f"benchmark-pool-{questionnaire.id}.csv",
            mime="text/csv",
            key="bench.export",
            help=say("benchmark.export_help", lang),
        )
