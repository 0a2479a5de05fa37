"""A workshop room on the capability × people map: the room, then one dot per group the
anonymity threshold lets through; the room's warnings are those of its means."""

from assessment.reading import diagnosis_warnings
from assessment.workshop import Participant, Segment, aggregate, as_result, room_map_points
from assessment.workshop.charts import room_people_map
from tests.samples import ORGANISATIONS, QUESTIONNAIRE

ROLE = Segment(name="Role", options=["Leadership", "Staff"])


def room(leaders: int, staff: int) -> list[Participant]:
    """Leadership answers as a tools-heavy organisation, staff as a balanced one."""
    people = []
    for number in range(1, leaders + staff + 1):
        leader = number <= leaders
        answers = ORGANISATIONS["tools_heavy" if leader else "balanced"]
        role = {"Role": "Leadership" if leader else "Staff"}
        people.append(Participant(id=number, answers=answers, segments=role))
    return people


def test_each_group_above_the_threshold_gets_its_dot():
    aggregated = aggregate(QUESTIONNAIRE, room(5, 6), [ROLE], threshold=5)
    points = room_map_points(QUESTIONNAIRE, aggregated, "en")
    assert [p.label for p in points] == ["The room", "Role: Leadership", "Role: Staff"]
    leadership, staff = points[1:]
    assert (leadership.capability, leadership.people) == (100, 0)
    assert (staff.capability, staff.people) == (50, 50)
    room_point = points[0]
    assert room_point.capability == (5 * 100 + 6 * 50) / 11


def test_a_group_below_the_threshold_gets_no_dot_and_hides_no_one_by_subtraction():
    aggregated = aggregate(QUESTIONNAIRE, room(3, 8), [ROLE], threshold=5)
    labels = [p.label for p in room_map_points(QUESTIONNAIRE, aggregated, "fr")]
    # leadership (3) is hidden, and staff too, or leadership could be worked out from the room
    assert labels == ["La salle"]


def test_the_room_raises_the_warnings_of_its_means_and_draws_them():
    aggregated = aggregate(QUESTIONNAIRE, room(8, 3), [ROLE], threshold=3)
    warnings = diagnosis_warnings(QUESTIONNAIRE, as_result(QUESTIONNAIRE, aggregated), "en")
    assert len(warnings) == 1 and warnings[0].startswith("Tools ahead of people")
    figure = room_people_map(QUESTIONNAIRE, aggregated, "en")
    assert len(figure.data) == 3 and figure.layout.showlegend
    assert aggregated.segments[0].gaps["tools"] == 50
