"""When the database is away: say so plainly, keep checking, and come back by itself; when a
page fails, a short reference to the server's log, never a traceback in the browser."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

import streamlit as st
from streamlit.errors import FragmentHandledException

from assessment.i18n import say
from assessment.models import Language
from assessment.store import SchemaVersionError, StoreError, StoreUnavailable
from ui.session import get_store

RETRY_SECONDS = 5
LOG = logging.getLogger("assessment.app")
DETAILS_SHOWN = ("full", "stacktrace", "type", True, "true", "True")


def guarded(run: Callable[[], None], lang: Language) -> bool:
    """Run the page; a database outage or a schema mismatch becomes a clear message.
    Whether it ran through."""
    try:
        run()
    except StoreUnavailable:
        st.error(say("app.database_unavailable", lang), icon=":material/cloud_off:")
        _retry_until_back(lang)
        return False
    except SchemaVersionError as error:
        st.error(say("app.database_schema", lang, detail=error), icon=":material/error:")
        return False
    except FragmentHandledException:
        raise
    except Exception:
        if st.get_option("client.showErrorDetails") in DETAILS_SHOWN:
            raise  # a developer's own machine (and the tests) see the traceback
        reference = secrets.token_hex(4)
        LOG.exception("page failed, reference %s", reference)
        st.error(say("hardening.crashed", lang, reference=reference), icon=":material/error:")
        return False
    return True


@st.fragment(run_every=RETRY_SECONDS)
def _retry_until_back(lang: Language) -> None:
    try:
        get_store().schema_version()
    except StoreError:
        st.caption(say("app.database_retrying", lang, seconds=RETRY_SECONDS))
        return
    st.rerun(scope="app")
