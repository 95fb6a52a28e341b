"""Every page that shows a client's health data writes one read entry, and no other page does.

Walks the URL registry (tests/url_registry.py): every URL name is classified here, so a new
page must be decided on. A page shows health data when it shows what is recorded about a
client beyond who they are: their details, visits, findings, plans, handouts and exports.
The client list, the archive and restore confirmations (the client's name only) and the
clinic's own pages (staff, branding, library, audit log) are not reads of a record.
"""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from clinic.models import AuditEntry
from tests.plans.builder_form import builder_post
from tests.url_registry import REGISTRY
from tests.url_walker_fixtures import signed_in
from tests.url_world import World

# Views and forms over fixtures: make test-sqlite leaves these out (tests/conftest.py).
pytestmark = pytest.mark.same_on_any_database

Entry = tuple[str, str, int, int | None]
Expected = Callable[[World], list[Entry]]


def _client_view(w: World) -> list[Entry]:
    return [("view", "client", w.client.pk, w.client.pk)]


def _episode_view(w: World) -> list[Entry]:
    return [("view", "episode", w.episode.pk, w.client.pk)]


def _assessment_view(attr: str) -> Expected:
    return lambda w: [("view", "assessment", getattr(w, attr).pk, w.client.pk)]


def _compared(w: World) -> list[Entry]:
    # Without a choice the page compares the two latest visits: one entry for each.
    older, newer = sorted([w.final, w.draft], key=lambda visit: visit.visit_date)
    return [
        ("view", "assessment", older.pk, w.client.pk),
        ("view", "assessment", newer.pk, w.client.pk),
    ]


def _client_export(w: World) -> list[Entry]:
    return [("export", "client", w.client.pk, w.client.pk)]


# GET pages that show health data, with the entries one request writes.
READS: dict[str, Expected] = {
    "client_detail": _client_view,
    "client_edit": _client_view,
    "client_erase": _client_view,  # as the clinic admin: what erasing would remove
    "assessment_start": _client_view,  # the client and their last visit
    "client_progress": _client_view,
    "assessment_detail": _assessment_view("final"),
    "assessment_edit": _assessment_view("draft"),
    "assessment_amend": _assessment_view("final"),
    "treatment_edit": _assessment_view("draft"),
    "treatment_amend": _assessment_view("final"),
    "assessment_compare": _compared,
    "plan_builder": lambda w: [("view", "plan", w.draft_plan.plan_id, w.client.pk)],
    "handout_preview": lambda w: [("view", "handout", w.issued.pk, w.client.pk)],
    "handout_pdf": lambda w: [("export", "handout", w.issued.pk, w.client.pk)],
    "client_export_json": _client_export,
    "client_export_fhir": _client_export,
    # Opened with the client's link: the client's access, naming no user.
    "program_page": lambda w: [("view", "program", w.issued.pk, w.client.pk)],
    "episode_edit": _episode_view,
    "episode_goal_add": lambda w: [("view", "episode", w.episode.pk, w.client.pk)],
    "episode_discharge": lambda w: [("view", "episode", w.episode.pk, w.client.pk)],
    "episode_letter": lambda w: [("export", "episode", w.episode.pk, w.client.pk)],
}
# GET pages that show no health data, so write no entry.
NO_READS = {
    "home",
    "client_list",
    "client_create",
    "client_archive",
    "client_restore",
    "staff_list",
    "staff_create",
    "staff_edit",
    "clinic_branding",
    "audit_log",
    "handout_problems",  # names and plan numbers only, like the client list
    "plan_library",  # library entries matching a search; nothing of the plan or client
    "login",
    "password_change",
    "password_change_done",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "library_list",
    "library_create",
    "library_edit",
    "technique_list",
    "technique_create",
    "technique_edit",
    "library_pose_preview",  # a drawing of the angles typed; nothing of any client
    "library_picture",  # the clinic's own exercise picture: library content, not a record
    "health",
    "program_worker",  # the page's service worker: file names to keep, nothing of the record
    "program_manifest",  # "Add to home screen": a name and an icon
    "program_unsubscribe",  # a button to stop the reminders: the clinic's name only
    "episode_create",  # the client's name and the last visit's date, like the client list
}
# POST-only URLs: they redirect to a page above, or re-render one (RE_RENDERS below).
POST_ONLY = {
    "logout",
    "assessment_preview",
    "plan_build",
    "plan_action",
    "plan_revise",
    "handout_email",
    "staff_password_link",
    "handout_retry",
    "program_sync",
    "program_reminder",
    "program_answers",
    "program_revoke",
    "episode_reassessed",
}


def _new_entries(since: int) -> list[Entry]:
    entries = AuditEntry.objects.filter(pk__gt=since).order_by("pk")
    return [(e.action, e.object_type, e.object_id, e.client_id) for e in entries]


def _last_id() -> int:
    return AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _path(name: str, world: World) -> str:
    return reverse(name, kwargs=REGISTRY[name].kwargs(world))


def test_read_audit_classifies_every_url() -> None:
    classified = [*READS, *NO_READS, *POST_ONLY]
    assert sorted(classified) == sorted(REGISTRY)
    assert len(classified) == len(set(classified))


@pytest.mark.parametrize("name", sorted(READS))
def test_read_audit_page_writes_one_entry(name: str, world: World) -> None:
    since = _last_id()
    response = signed_in(world.admin).get(_path(name, world))
    assert response.status_code == 200
    assert _new_entries(since) == READS[name](world)


@pytest.mark.parametrize("name", sorted(NO_READS))
def test_read_audit_page_without_health_data_writes_none(name: str, world: World) -> None:
    since = _last_id()
    response = signed_in(world.admin).get(_path(name, world) + REGISTRY[name].query)
    assert response.status_code in {200, 302}
    assert _new_entries(since) == []


def test_read_audit_compare_choice_writes_one_client_entry(world: World) -> None:
    # Two visits not chosen: the page lists the client's visits to choose from.
    since = _last_id()
    response = signed_in(world.therapist).get(_path("assessment_compare", world) + "?a=x&b=x")
    assert (response.status_code, response.context["invalid"]) == (200, True)
    assert _new_entries(since) == _client_view(world)


def test_read_audit_erase_page_refused_to_a_therapist_writes_none(world: World) -> None:
    # A therapist sees only the client's name and why they cannot erase.
    since = _last_id()
    response = signed_in(world.therapist).get(_path("client_erase", world))
    assert (response.status_code, response.context["allowed"]) == (200, False)
    assert _new_entries(since) == []


def _visit(version: int, **extra: str) -> dict[str, str]:
    return {"version": str(version), "visit_date": "2026-11-02", "pain_now": "4", **extra}


def _stale_client(w: World) -> dict[str, str]:
    return {
        "given_name": "Priya",
        "family_name": "Sharma",
        "date_of_birth": "1988-04-12",
        "version": str(w.client.version + 1),
    }


def _registry_post(name: str, w: World) -> dict[str, str]:
    post = REGISTRY[name].post
    assert post is not None
    return {key: str(value) for key, value in post(w).items()}


def _plan_post(w: World, **data: str) -> dict[str, str]:
    return builder_post(w.draft_plan, **{"message": "Hi", **data})


# POSTs that show the page again (invalid input, someone else's save), and the live preview:
# (URL name, form data, status, entries). A shown page is a read like its GET.
RE_RENDERS: dict[str, tuple[str, Callable[[World], dict[str, str]], int, Expected]] = {
    "client edit, invalid": (
        "client_edit",
        lambda w: {**_stale_client(w), "given_name": "", "version": str(w.client.version)},
        200,
        _client_view,
    ),
    "client edit, conflict": ("client_edit", _stale_client, 200, _client_view),
    "start visit, invalid": ("assessment_start", lambda w: {"visit_date": "x"}, 200, _client_view),
    "assessment edit, invalid": (
        "assessment_edit",
        lambda w: _visit(w.draft.version, pain_now="11"),
        200,
        _assessment_view("draft"),
    ),
    "assessment edit, conflict": (
        "assessment_edit",
        lambda w: _visit(w.draft.version + 1),
        409,
        _assessment_view("draft"),
    ),
    "assessment amend, invalid": (
        "assessment_amend",
        lambda w: _visit(w.final.version),  # no reason given
        200,
        _assessment_view("final"),
    ),
    # A fragment of the edit page (whose showing was audited), shown at each typed value.
    "live preview": (
        "assessment_preview",
        lambda w: _visit(w.draft.version),
        200,
        lambda w: [],
    ),
    "plan builder, invalid message": (
        "plan_action",
        lambda w: _plan_post(w, message="x" * 2001),
        200,
        lambda w: [("view", "plan", w.draft_plan.plan_id, w.client.pk)],
    ),
    # The reminder form with an error: the program page again, an opening like its GET.
    "program reminder, invalid": (
        "program_reminder",
        lambda w: {"email": "not an address", "at": "07:30"},
        200,
        lambda w: [("view", "program", w.issued.pk, w.client.pk)],
    ),
    "episode edit, conflict": (
        "episode_edit",
        lambda w: {**_registry_post("episode_edit", w), "version": str(w.episode.version + 1)},
        409,
        _episode_view,
    ),
    "program answers, invalid": (
        "program_answers",
        lambda w: {"pain_now": "11"},
        200,
        lambda w: [("view", "program", w.issued.pk, w.client.pk)],
    ),
    "plan builder, conflict": (
        "plan_action",
        lambda w: _plan_post(w, lock=str(w.draft_plan.lock + 1)),
        409,
        lambda w: [("view", "plan", w.draft_plan.plan_id, w.client.pk)],
    ),
}


@pytest.mark.parametrize("case", sorted(RE_RENDERS))
def test_read_audit_page_shown_again_writes_one_entry(case: str, world: World) -> None:
    name, data, status, expected = RE_RENDERS[case]
    since = _last_id()
    response = signed_in(world.therapist).post(_path(name, world), data(world))
    assert response.status_code == status
    assert _new_entries(since) == expected(world)


def test_read_audit_entries_name_the_reader(world: World) -> None:
    therapist: User = world.therapist
    since = _last_id()
    signed_in(therapist).get(_path("plan_builder", world))
    entry = AuditEntry.objects.get(pk__gt=since)
    assert (entry.actor_id, entry.actor_username, entry.clinic_id) == (
        therapist.pk,
        "therapist",
        world.clinic.pk,
    )
