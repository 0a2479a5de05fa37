"""The organisation and waves pages (AppTest): an organisation made and filled from its page,
a baseline and a follow-up compared with targets, questionnaire versions that differ, and rooms
pooled with a group under the anonymity threshold kept out of every pooled figure."""

from datetime import date
from pathlib import Path

import pytest

from assessment.questionnaire import DEFAULT_QUESTIONNAIRE
from assessment.store import Organisations
from tests.app.conftest import QUESTIONNAIRE, enter_key, open_app, start_assessment
from tests.unit.waves.conftest import DROPPED, room, write_second_version

ORGANISATION_PAGE, WAVES_PAGE = "app_pages/organisation.py", "app_pages/waves.py"


def everything(store, token, level, questionnaire=QUESTIONNAIRE):
    record = store.find(token)
    for _, question in questionnaire.questions():
        store.save_answer(record.id, question.id, level)
    return record


def open_organisation(token, page=ORGANISATION_PAGE, lang="fr"):
    at = open_app(lang=lang)
    at.query_params["o"] = token
    at = at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def texts(at) -> str:
    return "\n".join(
        [m.value for m in at.markdown]
        + [c.value for c in at.caption]
        + [str(t.value) for t in at.title]
        + [m.label + " " + str(m.value) for m in at.metric]
        + [e.value for e in at.info]
        + [e.value for e in at.error]
        + [df.value.to_csv() for df in at.dataframe]
    )


def test_an_organisation_is_made_and_filled_from_its_page_then_compared(store):
    _, baseline = start_assessment("Acme")
    _, follow_up = start_assessment("Acme")
    everything(store, baseline, 2)
    everything(store, follow_up, 4)
    at = open_app(lang="fr").switch_page(ORGANISATION_PAGE).run()
    at.text_input(key="org.name__fr").input("Acme").run()
    at.button(key="org.create").click().run()
    assert not at.exception, at.exception
    token = at.session_state["organisation_token"]
    assert any(token in c.value for c in at.code)  # its private link, shown once made
    for label, day, link in (
        ("État initial", date(2026, 1, 12), baseline),
        ("Suivi", date(2026, 7, 6), follow_up),
    ):
        at.text_input(key="org.wave.label__fr").input(label).run()
        at.date_input(key="org.wave.date__fr").set_value(day).run()
        at.button(key="org.wave.add").click().run()
        at.text_input(key="org.attach.link__fr").input(f"http://localhost:8501/?a={link}").run()
        # the newest wave is offered first
        at.button(key="org.attach.go").click().run()
        assert not at.exception, at.exception
        # the forms stay on the page, emptied for the next wave
        assert at.text_input(key="org.wave.label__fr").value == ""
        assert at.text_input(key="org.attach.link__fr").value == ""
    organisation = Organisations(store).find(token)
    waves = Organisations(store).waves(organisation.id)
    assert [w.label for w in waves] == ["État initial", "Suivi"]
    assert [len(w.members) for w in waves] == [1, 1]
    # targets for the follow-up, set after the baseline's result
    first = waves[0].id
    at.number_input(key=f"org.target.{first}.culture__fr").set_value(80).run()
    at.number_input(key=f"org.target.{first}.tools__fr").set_value(70).run()
    at.button(key=f"org.targets.{first}").click().run()
    assert Organisations(store).wave(first).targets == {"culture": 80.0, "tools": 70.0}

    at = at.switch_page(WAVES_PAGE).run()
    assert not at.exception, at.exception
    shown = texts(at)
    assert "État initial (12 janvier 2026)" in shown and "Suivi (6 juillet 2026)" in shown
    assert "passé de 25\u00a0/\u00a0100 à 75\u00a0/\u00a0100" in shown
    assert "Progrès" in shown and "1 objectif atteint sur 2" in shown, shown
    assert "non atteint" in shown  # culture: 75 against a target of 80
    assert not any("non comparée" in e.label for e in at.expander)


@pytest.fixture
def two_versions(tmp_path, monkeypatch):
    """The shipped questionnaire and a version 2.0 of it (one question gone, one added),
    both installed."""
    from ui import context

    folder = tmp_path / "questionnaires"
    folder.mkdir()
    (folder / "transformation.yaml").write_bytes(Path(DEFAULT_QUESTIONNAIRE).read_bytes())
    write_second_version(folder)
    monkeypatch.setattr(context, "QUESTIONNAIRES_DIR", folder)
    context.load_all_questionnaires.clear()
    yield next(q for q in context.load_all_questionnaires().values() if q.version == "2.0")
    context.load_all_questionnaires.clear()


def test_waves_on_two_questionnaire_versions_compare_the_questions_both_ask(store, two_versions):
    organisations = Organisations(store)
    token, organisation = organisations.create("Acme")
    old = store.create_assessment(QUESTIONNAIRE, _profile(), "en")[1]
    new = store.create_assessment(two_versions, _profile(), "en")[1]
    for record, questionnaire, level in ((old, QUESTIONNAIRE, 2), (new, two_versions, 3)):
        for _, question in questionnaire.questions():
            store.save_answer(record.id, question.id, level)
    for label, record in (("2025", old), ("2026", new)):
        wave = organisations.add_wave(organisation.id, label, None)
        organisations.attach(wave.id, record.id)
    at = open_organisation(token, WAVES_PAGE, lang="en")
    shown = texts(at)
    assert "2 questions not compared" in [e.label for e in at.expander]
    assert "A question added later?" in shown and "asked in: 2026" in shown
    dropped = QUESTIONNAIRE.question(DROPPED).text("en")
    assert dropped in shown and "asked in: 2025" in shown
    assert "from 25 / 100 to 50 / 100" in shown  # on the 40 questions both ask


def _profile():
    from tests.samples import bundle

    return bundle().profile


def test_rooms_pooled_keep_a_group_under_the_threshold_out_of_every_figure(store):
    organisations = Organisations(store)
    token, organisation = organisations.create("Réseau d’agences")
    baseline = organisations.add_wave(organisation.id, "État initial", date(2026, 1, 12))
    pooled = organisations.add_wave(organisation.id, "Trois sites", date(2026, 6, 1))
    self_assessment = store.create_assessment(QUESTIONNAIRE, _profile(), "fr")[1]
    for _, question in QUESTIONNAIRE.questions():
        store.save_answer(self_assessment.id, question.id, 2)
    organisations.attach(baseline.id, self_assessment.id)
    # Lyon: 3 leaders (under the threshold of 5) and 7 staff, hidden with them
    lyon = room(store, "Lyon", [1] * 3 + [4] * 7, ["Leadership"] * 3 + ["Staff"] * 7)
    lille = room(store, "Lille", [3] * 6 + [4] * 6, ["Leadership", "Staff"])
    nantes = room(store, "Nantes", [4] * 12, ["Leadership", "Staff"])
    for name, record in (("Lyon", lyon), ("Lille", lille), ("Nantes", nantes)):
        organisations.attach(pooled.id, record.id, name)

    at = open_organisation(token, WAVES_PAGE)
    assert not at.error
    rooms, groups = at.dataframe[1].value, at.dataframe[2].value
    assert list(rooms["Salle"]) == ["Lyon", "Lille", "Nantes", "Toutes les salles"]
    assert list(rooms["Participants"]) == [10, 12, 12, 34]
    by_group = groups.set_index("Groupe")
    # leaders pooled from Lille and Nantes only: Lyon's three are in no figure
    assert by_group.loc["Role · Leadership", "Salles"] == 2
    assert by_group.loc["Role · Leadership", "Participants"] == 12
    assert by_group.loc["Role · Staff", "Salles"] == 2
    assert "Toutes les salles" in texts(at) and "3 salles regroupées" in texts(at)


def test_the_consultant_lists_their_organisations_behind_the_key(store, monkeypatch):
    from tests.waves_samples import baseline_and_follow_up, pooled_rooms

    baseline_and_follow_up(store)
    pooled_rooms(store)
    at = open_app(lang="en").switch_page(ORGANISATION_PAGE).run()
    assert any("locked" in i.value for i in at.info)  # no key set on this server
    monkeypatch.setenv("CONSULTANT_KEY", "clé ✓")
    at = open_app(lang="en").switch_page(ORGANISATION_PAGE).run()
    enter_key(at, "org.key", "wrong", "en")
    assert any("Wrong key" in e.value for e in at.error)
    assert not any((b.key or "").startswith("org.list.") for b in at.button)
    enter_key(at, "org.key", "clé ✓", "en")
    listed = [m.value for m in at.markdown if m.value.startswith("**")]
    assert listed[:2] == ["**Acme**", "**Réseau d’agences**"]  # the latest wave first (July)
    at.button(key="org.list.0").click().run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Acme"
    assert any("Opened from your list" in c.value for c in at.caption)
    at.button(key="org.renew").click().run()
    token = at.session_state["organisation_token"]
    assert Organisations(store).find(token).name == "Acme"


def test_an_organisations_export_imported_on_the_page_opens_whole(store):
    from assessment.waves.bundle import organisation_bundle
    from exports.json_backup import build_organisation_json
    from tests.waves_samples import pooled_rooms

    _, organisation_id = pooled_rooms(store)
    data = build_organisation_json(organisation_bundle(store, organisation_id))
    at = open_app(lang="fr").switch_page(ORGANISATION_PAGE).run()
    at.file_uploader(key="org.import").upload("réseau.json", data, "application/json").run()
    at.button(key="org.import.go").click().run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Réseau d’agences"
    token = at.session_state["organisation_token"]
    restored = Organisations(store).find(token)
    assert restored.id != organisation_id
    assert [len(w.members) for w in Organisations(store).waves(restored.id)] == [1, 3]
    at.button(key="org.leave").click().run()
    at.file_uploader(key="org.import").upload("faux.json", b'{"kind": "x"}', "application/json")
    at.run()
    at.button(key="org.import.go").click().run()
    assert any("n’est pas un export d’organisation" in e.value for e in at.error)


def test_a_wave_that_cannot_be_pooled_says_which_and_why(store):
    from tests.waves_samples import answered, levels, pooled_rooms

    token, organisation_id = pooled_rooms(store)
    pooled = Organisations(store).waves(organisation_id)[1]
    _, stray = answered(store, levels(tools=3, people=3, customer=3))
    Organisations(store).attach(pooled.id, stray.id)  # a self-assessment among the rooms
    at = open_organisation(token, WAVES_PAGE, lang="en")
    assert [e.value for e in at.error] == [
        "The wave “Three sites” mixes a self-assessment with other assessments: only workshop "
        "rooms can be pooled into one wave. Put each self-assessment into a wave of its own."
    ]
