"""The benchmark page through AppTest: peers, widening, reference points, the digital intensity
check, the pool opt-in on the start page, the consultants' import, and the results summary."""

import pytest

from assessment.store import DocumentKind, ScoreRow
from tests.app.conftest import QUESTIONNAIRE, enter_key, open_app, start_assessment

BENCHMARK = "app_pages/benchmark.py"
HEADER = "sector,size_class,culture,tools,employee_experience,customer_symmetry\n"


def answer_everything(store, token, level=3):
    record_id = store.find(token).id
    for _, question in QUESTIONNAIRE.questions():
        store.save_answer(record_id, question.id, level)
    return record_id


def peers(store, scores, sector="J", size="50-249"):
    rows = [ScoreRow(sector=sector, size_class=size, scores={"culture": s}) for s in scores]
    store.add_benchmark_batch(QUESTIONNAIRE.id, rows)


def texts(at):
    return [e.value for kind in ("markdown", "caption", "info", "subheader") for e in at.get(kind)]


def on_page(at, page=BENCHMARK):
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


KEY = "clé-du-consultant ✓"  # any characters


@pytest.fixture
def consultant(monkeypatch):
    monkeypatch.setenv("CONSULTANT_KEY", KEY)


def unlock(at, lang: str = "en"):
    enter_key(at, "bench.key", KEY, lang)
    assert not at.exception, at.exception
    return at


def upload_csv(at, name: str, content: bytes) -> None:
    unlock(at)
    at.file_uploader(key="bench.upload__en").upload(name, content, "text/csv")
    at.run()


def test_without_an_assessment_the_page_points_to_the_start(database):
    at = open_app(lang="en")
    on_page(at)
    assert "No assessment is open" in at.info[0].value


def test_percentile_quartiles_and_a_chart_with_you_are_here(store):
    at, token = start_assessment("Acme", "en")
    answer_everything(store, token)  # culture 50
    peers(store, [10, 20, 30, 40, 60])
    on_page(at)
    shown = texts(at)
    assert at.title[0].value == "Benchmark: Acme"
    assert "Score 50: percentile 80 among 5 peers (same sector and size class)." in shown
    assert any(t.startswith("Peers: first quartile 20 · median 30") for t in shown)
    assert any("Fewer than 30 peers" in t for t in shown)
    chart = at.get("plotly_chart")[0].proto.spec
    assert "You are here" in chart and '"star"' in chart


def test_too_few_peers_say_so_and_use_the_next_wider_group(store):
    at, token = start_assessment("Acme", "en")
    answer_everything(store, token)
    peers(store, [10, 20])  # same sector and size
    peers(store, [70, 80, 90], sector="C")  # same size only
    on_page(at)
    widened = (
        "Not enough peers yet for “same sector and size class” (2 of 5): compared with the "
        "next wider group, “same size class”."
    )
    assert widened in [i.value for i in at.info]
    assert "Score 50: percentile 40 among 5 peers (same size class)." in texts(at)
    assert any("Not enough peers yet, even in the whole pool (0 of 5)" in t for t in texts(at))


def test_the_peer_group_can_be_chosen(store, monkeypatch):
    monkeypatch.setenv("BENCHMARK_MIN_PEERS", "2")
    at, token = start_assessment("Acme", "en")
    answer_everything(store, token)
    peers(store, [10, 20])
    peers(store, [70, 80], sector="C", size="10-49")
    on_page(at)
    assert "Score 50: percentile 100 among 2 peers (same sector and size class)." in texts(at)
    at.segmented_control(key="bench.scope__en").set_value("all").run()
    assert "Score 50: percentile 50 among 4 peers (whole pool)." in texts(at)


def test_published_reference_points_are_cited_and_flagged(store):
    at, token = start_assessment("Acme", "en")
    answer_everything(store, token)
    on_page(at)
    shown = "\n".join(texts(at))
    assert "60\\.9% of EU enterprises used at least one social medium" in shown
    assert "Source: Eurostat" in shown
    assert "only 8% of EU enterprises had a formal policy" in shown
    assert "second-hand figure, not yet checked at the source" in shown
    assert "over 5 years old" in shown
    assert "Your answer: " in shown


def test_the_digital_intensity_check_is_saved_and_placed_in_the_eu_distribution(store):
    at, token = start_assessment("Acme", "en")  # 50-249: compared with EU SMEs
    record_id = answer_everything(store, token)
    on_page(at)
    assert len([c for c in at.checkbox if c.key.startswith("dii.")]) == 12
    for item in ("internet_over_half", "fixed_30mbps", "cloud_any", "social_media_any", "crm"):
        at.checkbox(key=f"dii.{item}__en").check().run()
    saved = store.document(record_id, "dii")
    assert saved["year"] == 2023 and sum(saved["items"].values()) == 5
    assert "5 item(s) of 12: low level" in [s.value for s in at.subheader]
    assert any(
        "EU SMEs (10–249 employees), 2023: 42.3% at a lower level than yours, 33.8% at the "
        "same level, 24% at a higher level." in m.value
        for m in at.markdown
    )
    assert any("Second-hand distribution" in c.value for c in at.caption)
    reopened = on_page(open_app(token, lang="en"))
    assert reopened.checkbox(key="dii.crm__en").value is True


def test_opting_in_on_the_start_page_puts_the_assessment_in_the_pool(store):
    at, token = start_assessment("Acme", "en")
    record_id = answer_everything(store, token)
    at = open_app(token, lang="en")
    box = at.checkbox(key="pool_opt_in__en")
    assert box.value is False and store.document(record_id, DocumentKind.pool) is None
    box.check().run()
    assert store.document(record_id, DocumentKind.pool) == {"opt_in": True}
    assert [m.assessment_id for m in store.pool_members(QUESTIONNAIRE.id)] == [record_id]
    on_page(at)
    assert any("Your assessment contributes to it" in c.value for c in at.caption)
    on_page(at, "app_pages/start.py").checkbox(key="pool_opt_in__en").uncheck().run()
    assert store.pool_members(QUESTIONNAIRE.id) == []


def test_a_broken_upload_lists_its_errors_and_saves_nothing(store, consultant):
    at, _ = start_assessment("Acme", "en")
    on_page(at)
    upload = HEADER + "J,50-249,62.5,40,55,\nJ,50-249,abc,40,55,\n"
    upload_csv(at, "clients.csv", upload.encode())
    assert at.error[0].value == "File rejected, nothing was saved:"
    assert "clients.csv:3: column 'culture': 'abc' is not a number" in at.code[-1].value
    assert store.benchmark_batches() == []


def test_a_hostile_upload_is_refused(store, consultant):
    at, _ = start_assessment("Acme", "en")
    on_page(at)
    latin = (HEADER + "J,50-249,50,50,50,50\n# société\n").encode("latin-1")
    upload_csv(at, "latin.csv", latin)
    assert "not UTF-8 text" in at.code[-1].value
    assert store.benchmark_batches() == []


def test_a_valid_upload_is_imported_once_and_can_be_deleted(store, consultant):
    at, _ = start_assessment("Acme", "en")
    on_page(at)
    upload = HEADER + "J,50-249,62.5,40,55,\nC,250+,30,35,42.5,50\n"
    upload_csv(at, "clients.csv", upload.encode())
    assert "2 valid row(s), ready to join the pool." in [i.value for i in at.info]
    at.button(key="bench.import").click().run()
    [batch] = store.benchmark_batches()
    assert batch.rows == 2
    assert at.success[0].value == f"2 row(s) imported, batch {batch.batch_id}."
    assert not [b for b in at.button if b.key == "bench.import"]  # not offered twice
    at.button(key=f"bench.delete.{batch.batch_id}").click().run()
    assert store.benchmark_batches() == []
    assert at.get("download_button")[0].label == "Download the anonymised pool (CSV)"


def test_the_page_speaks_french(store):
    at, token = start_assessment("Acme", "fr")
    answer_everything(store, token)
    peers(store, [10, 20, 30, 40, 60])
    on_page(at)
    assert at.title[0].value == "Comparaison\u00a0: Acme"
    assert "Score 50\u00a0: 80e centile parmi 5 pairs (même secteur et même taille)." in texts(at)
    assert "Test d’intensité numérique (indice Eurostat, enquête 2023)" in [
        h.value for h in at.header
    ]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_results_page_carries_the_benchmark_summary(store, lang):
    at, token = start_assessment("Acme", lang)
    answer_everything(store, token)
    peers(store, [10, 20, 30, 40, 60])
    on_page(at, "app_pages/results.py")
    title = {"en": "Against your peers", "fr": "Face à vos pairs"}[lang]
    assert title in [s.value for s in at.subheader]
    lines = [m.value for m in at.markdown if m.value.startswith("- **")]
    expected = {
        "en": "- **Culture** · Score 50: percentile 80 among 5 peers (same sector and size class).",
        "fr": "- **Culture** · Score 50\u00a0: 80e centile parmi 5 pairs "
        "(même secteur et même taille).",
    }[lang]
    assert expected in lines
    assert any(("not enough peers yet" in line or "pas encore" in line) for line in lines)
    assert [p for p in at.get("page_link") if "benchmark" in p.proto.page]


def test_on_a_shared_server_the_consultant_tools_need_the_key(database, monkeypatch):
    monkeypatch.setenv("CONSULTANT_KEY", "s3cret-key")
    at, _ = start_assessment()
    at.switch_page("app_pages/benchmark.py").run()
    assert not at.exception
    assert not [b for b in at.get("download_button")]
    enter_key(at, "bench.key", "wrong", "fr")
    assert "Clé incorrecte." in [e.value for e in at.error]
    enter_key(at, "bench.key", "s3cret-key", "fr")
    assert len(at.get("download_button")) == 1


def test_a_french_consultant_reads_the_upload_errors_in_french(store, consultant):
    at, _ = start_assessment("Acme", "fr")
    unlock(on_page(at), "fr")
    content = (HEADER + "Z,50-249,50,50,50,50\n").encode()
    at.file_uploader(key="bench.upload__fr").upload("clients.csv", content, "text/csv")
    at.run()
    shown = at.code[-1].value
    assert (
        "clients.csv:2\u00a0: colonne «\u00a0sector\u00a0»\u00a0: 'Z' n’est pas une section NACE"
        in shown
    )
    assert "is no NACE section" not in shown and store.benchmark_batches() == []
