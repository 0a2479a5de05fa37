"""The room screen's sections: the join code big enough to read from the back of the room,
the QR, who has joined and answered, and the room's charts when the facilitator lets them show.

Nothing here changes anything or names a secret: the page is opened by a view-only link, and
the phones' join link is the only address it shows.
"""

from __future__ import annotations

import base64
import html
import time

import streamlit as st

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.settings import settings
from assessment.store import StoreError
from assessment.workshop import (
    RoomAggregate,
    RoomCounts,
    UnknownWorkshop,
    WorkshopRecord,
    distribution_chart,
    format_code,
    room_radar,
)
from assessment.workshop.wording import anonymity_statement, symmetry_verdict
from ui.context import plain
from ui.workshop_session import (
    REFRESH_SECONDS,
    get_workshop_store,
    join_link,
    live_room,
    qr_code,
)

PART_SECONDS = 15  # free pace: the screen shows each part's answers in turn, this long
CHART_CONFIG = {"displayModeBar": False}  # no download or zoom buttons on the projection

# No Streamlit chrome: the header, its menu and the sidebar would be projected too. The code
# is sized on the screen's height (more than a sixth of it), the rest on its width.
SCREEN_STYLE = """<style>
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"], [data-testid="stDecoration"], footer,
[data-testid="stElementToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 2vh 2.5vw 1vh; max-width: 100%; }
.room-join { font-size: 3.4vh; margin: 0; color: #4b5563; }
.room-code { font-size: 18vh; line-height: 1.05; font-weight: 800; margin: 0 0 1vh;
  letter-spacing: 0.02em; white-space: nowrap; color: #1f2933; }
.room-qr { height: 30vh; width: 30vh; image-rendering: pixelated; display: block; }
.room-counts { font-size: 4.2vh; margin: 1.5vh 0 0; line-height: 1.3; color: #1f2933; }
.room-counts b { font-size: 6vh; }
.room-note { font-size: 2.2vh; color: #4b5563; margin: 1vh 0 0; }
.room-status { font-size: 2.8vh; color: #4b5563; margin: 0 0 1vh; }
</style>"""


def join_block(record: WorkshopRecord, counts: RoomCounts, lang: Language) -> None:
    link = join_link(record.join_code)
    qr = base64.b64encode(qr_code(link)).decode("ascii")
    where = html.escape(link.split("://", 1)[-1])
    joined, answering, completed = counts.joined, counts.responded, counts.completed
    count_lines = "<br>".join(
        f"<b>{fmt.number(n, lang)}</b> {html.escape(say(key, lang))}"
        for n, key in (
            (joined, f"room_screen.joined_{fmt.plural(joined, lang)}"),
            (answering, f"room_screen.answering_{fmt.plural(answering, lang)}"),
            (completed, f"room_screen.completed_{fmt.plural(completed, lang)}"),
        )
    )
    st.html(
        f'<p class="room-join">{html.escape(say("room_screen.join_at", lang))} {where}</p>'
        f'<p class="room-code" data-testid="room-code">{format_code(record.join_code)}</p>'
        f'<img class="room-qr" alt="{html.escape(say("room_screen.qr_alt", lang))}" '
        f'src="data:image/png;base64,{qr}">'
        f'<p class="room-counts">{count_lines}</p>'
        f'<p class="room-note">{html.escape(anonymity_statement(record, lang, short=True))}</p>'
    )


def status_line(record: WorkshopRecord, questionnaire: Questionnaire, lang: Language) -> str:
    if not record.is_open:
        return say("room_screen.closed", lang)
    if record.pace == "paced" and record.current_dimension:
        ids = record.dimensions
        return say(
            "room_screen.part_open",
            lang,
            n=ids.index(record.current_dimension) + 1,
            total=len(ids),
            title=questionnaire.dimension(record.current_dimension).title(lang),
        )
    return say("room_screen.open", lang)


def results(
    record: WorkshopRecord, questionnaire: Questionnaire, room: RoomAggregate, lang: Language
) -> None:
    """The revealed result; the live distributions; or only that the answers are coming in."""
    if not room.visible:
        st.info(say("room_screen.waiting", lang, k=room.threshold, n=room.contributors))
        return
    if record.revealed:
        st.subheader(say("room_screen.revealed", lang), anchor=False)
        radar, verdict = st.columns([3, 2])
        radar.plotly_chart(
            room_radar(questionnaire, room, lang),
            key="screen_radar",
            theme=None,
            config=CHART_CONFIG,
        )
        if questionnaire.has_sides:  # a model without sides has no symmetry verdict
            verdict.markdown(symmetry_verdict(room, lang))
        if room.disagreements:
            st.markdown(f"**{say('room_screen.to_discuss', lang)}**")
            ids = [s.question_id for s in room.disagreements]
            chart = distribution_chart(questionnaire, room, ids, lang)
            st.plotly_chart(chart, key="screen_disagreements", theme=None, config=CHART_CONFIG)
        return
    if not record.live_results:
        st.info(say("room_screen.hidden", lang), icon=":material/visibility_off:")
        return
    dimension_id = shown_part(record)
    dimension = questionnaire.dimension(dimension_id)
    if record.pace == "free":  # paced, the status line above names the part open
        position = record.dimensions.index(dimension_id) + 1
        st.subheader(
            say("room_screen.part", lang, n=position, total=len(record.dimensions))
            + f" · {dimension.title(lang)}",
            anchor=False,
        )
    question_ids = [q.id for q in dimension.ordered_questions()]
    chart = distribution_chart(questionnaire, room, question_ids, lang)
    st.plotly_chart(chart, key="screen_distribution", theme=None, config=CHART_CONFIG)


def shown_part(record: WorkshopRecord) -> str:
    """Paced: the part open. Free: each part in turn, for PART_SECONDS each."""
    if record.pace == "paced" and record.current_dimension:
        return record.current_dimension
    turn = int(time.time() // PART_SECONDS) % len(record.dimensions)
    return record.dimensions[turn]


@st.fragment(run_every=REFRESH_SECONDS)
def room_screen(lang: Language, screen_token: str, questionnaire: Questionnaire) -> None:
    try:
        workshop_id = get_workshop_store().by_screen(screen_token).id
        record, counts, room = live_room(settings().database(), workshop_id)
    except UnknownWorkshop:  # erased, or its links renewed: the link no longer shows it
        st.rerun(scope="app")
    except StoreError:
        st.warning(say("workshop.live_unavailable", lang), icon=":material/cloud_off:")
        return
    join, charts = st.columns([9, 11], gap="large")
    with join:
        join_block(record, counts, lang)
    with charts:
        st.subheader(plain(record.title), anchor=False)
        status = html.escape(status_line(record, questionnaire, lang))
        st.html(f'<p class="room-status">{status}</p>')
        results(record, questionnaire, room, lang)
