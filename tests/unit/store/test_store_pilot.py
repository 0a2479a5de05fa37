"""The pilot's document is changed in one transaction: people entering values at the same time
each keep theirs (on SQLite and on PostgreSQL)."""

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta

from assessment import services
from assessment.roadmap import Entry
from assessment.store import DocumentKind, Store
from tests.unit.roadmap.pilot_samples import roadmap, stored_assessment

NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)


def test_values_entered_at_once_by_several_people_are_all_kept(url):
    stores = [Store(url) for _ in range(4)]
    try:
        _, record_id = stored_assessment(stores[0])
        plan, days = roadmap(), [date(2026, 9, 1) + timedelta(days=i) for i in range(24)]

        def enter(index: int) -> None:
            entry = Entry("knowledge_management", days[index], 30 + index, f"Person {index}")
            services.add_actual(stores[index % 4], record_id, plan, entry, NOW)

        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(enter, range(len(days))))
        kept = services.pilot_record(stores[0], record_id).of("knowledge_management")
        assert [a.on for a in kept] == days
        assert {a.entered_by for a in kept} == {f"Person {i}" for i in range(len(days))}
        assert stores[0].document(record_id, DocumentKind.pilot)["version"] == 1
    finally:
        for store in stores:
            store.dispose()
