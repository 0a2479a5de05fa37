"""What the room is told, on the phones and on the facilitator's screens: the anonymity
statement and the reading of the room's symmetry."""

from __future__ import annotations

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language
from assessment.workshop.records import WorkshopRecord
from assessment.workshop.room import RoomAggregate


def anonymity_statement(record: WorkshopRecord, lang: Language, *, short: bool = False) -> str:
    """What the room is promised: what is kept, for how long, who sees what (on the phones'
    join page, for the facilitator to read out); ``short``: the room screen's one line."""
    key = "room_screen.anonymity" if short else "workshop.anonymity_statement"
    return say(key, lang, k=record.threshold, m=record.dispersion_threshold)


def symmetry_verdict(room: RoomAggregate, lang: Language) -> str:
    """Two or three sentences: the room's quadrant and gap, the warning, the individuals."""
    symmetry = room.symmetry
    if symmetry is None or symmetry.index is None:
        return say("workshop.verdict_withheld", lang, k=room.threshold)
    threshold = symmetry.stall_threshold
    lines = [
        say(
            "workshop.verdict",
            lang,
            quadrant=say("core.quadrant_" + symmetry.quadrant.value, lang),
            customer=fmt.score(symmetry.customer_score, lang),
            internal=fmt.score(symmetry.internal_score, lang),
            index=fmt.points(symmetry.index, lang, signed=True, keep_apart=[threshold]),
            threshold=fmt.points(threshold, lang),
        ),
        say("workshop.verdict_stall" if symmetry.stall else "workshop.verdict_no_stall", lang),
        say(
            "workshop.verdict_individuals",
            lang,
            stall=symmetry.participants_in_stall,
            n=symmetry.participants_with_index,
        ),
    ]
    return "  \n".join(lines)
