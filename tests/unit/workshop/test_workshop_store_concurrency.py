"""Many participants at once: nothing lost, nothing counted twice, a close mid-flight honoured.
Every test runs on SQLite and on PostgreSQL."""

import threading
from concurrent.futures import ThreadPoolExecutor

from assessment.workshop import WorkshopClosed
from tests.unit.workshop.conftest import FULL, FULL_IDS, ROLE, answer_everything, rows

# --- many at once -----------------------------------------------------------------------------


def test_concurrent_participants_lose_nothing_and_duplicate_nothing(workshops, store):
    _, record = workshops.create(FULL, "Grande salle", "fr", [ROLE])
    tokens = [workshops.join(record.join_code, {"Rôle": ROLE.options[i % 2]})[0] for i in range(24)]
    with ThreadPoolExecutor(max_workers=24) as pool:
        expected = list(pool.map(answer_everything, [workshops] * 24, tokens, range(24)))
    saved = rows(store)
    assert len(saved) == 24 * 41  # nothing lost, nothing twice
    assert len({(p, q) for p, q, _ in saved}) == len(saved)
    for token, levels in zip(tokens, expected, strict=True):
        assert workshops.answers_of(token) == levels
    counts = workshops.counts(record.id)
    assert (counts.joined, counts.completed, counts.answers) == (24, 24, 24 * 41)


def test_many_threads_answering_the_same_question_leave_one_row(workshops, store, minimal):
    _, record = workshops.create(minimal, "Atelier", "fr")
    token, _ = workshops.join(record.join_code)
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(lambda level: workshops.save_answer(token, "share", level), [3] * 64))
    assert rows(store) == [(1, "share", 3)]


def test_closing_mid_flight_keeps_every_accepted_answer_and_no_refused_one(workshops, store):
    facilitator, record = workshops.create(FULL, "Atelier", "fr")
    tokens = [workshops.join(record.join_code)[0] for _ in range(12)]
    accepted, refused, lock = set(), set(), threading.Lock()
    go, racing, after = threading.Event(), threading.Event(), threading.Event()
    before_close = 5  # answers each participant gives before the close

    def participant(token: str, resume: threading.Event) -> None:
        go.wait()
        for n, question_id in enumerate(FULL_IDS):
            if n == before_close:
                resume.wait()
            try:
                workshops.save_answer(token, question_id, 3)
            except WorkshopClosed:
                with lock:
                    refused.add((token, question_id))
            else:
                with lock:
                    accepted.add((token, question_id))

    # Half the room goes on as the close is sent (racing it), the other half once it is in.
    threads = [
        threading.Thread(target=participant, args=(t, racing if i % 2 else after))
        for i, t in enumerate(tokens)
    ]
    for thread in threads:
        thread.start()
    go.set()
    while len(accepted) < len(tokens) * before_close:  # some answers in (whatever the load)
        threading.Event().wait(0.001)
    racing.set()
    workshops.set_open(facilitator, False)
    after.set()
    for thread in threads:
        thread.join()
    assert refused  # the close did land in the middle
    ids = {workshops.participant(t)[0].id: t for t in tokens}
    stored = {(ids[p], q) for p, q, _ in rows(store)}
    assert stored == accepted
    assert len(accepted) + len(refused) == 12 * 41
