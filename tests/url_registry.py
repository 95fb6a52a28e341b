"""What every URL of the project should answer, per role: the registry tests/test_url_walker reads.

One entry per URL name (outside the maintenance admin, which is walked as one unit). An entry
says how the URL names its object (kwargs built from a `World` of fixtures), which kind of
page it is (`Access`), what the therapist gets, and what a POST sends. A URL the resolver has
and this registry has not fails the walker: add it here.
"""

import enum
from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.http import urlsafe_base64_encode

from plans.program.reminders.selectors import unsubscribe_token_of
from plans.program.selectors import token_of
from tests.plans.builder_form import builder_post
from tests.url_world import World


class Access(enum.Enum):
    """What kind of page a URL is, which decides what an outsider gets."""

    PUBLIC = "public"  # no sign-in needed (reason in Route.public_reason)
    # No sign-in: the token in the address is the key (the client's program link). Anyone
    # with the world's token gets the page; any other token is the same 404, for everyone.
    TOKEN = "token"
    OWN = "own"  # the user's own account, a blank form or a redirect: no clinic data
    LIST = "list"  # rows of the user's own clinic only
    OBJECT = "object"  # names one object of the clinic: anyone else's is a 404
    ADMIN_LIST = "admin list"  # clinic admins only (therapist 403); own clinic's rows only
    ADMIN_OBJECT = "admin object"  # clinic admins only; another clinic's object is a 404

    @property
    def admin_only(self) -> bool:
        return self in {Access.ADMIN_LIST, Access.ADMIN_OBJECT}

    @property
    def names_object(self) -> bool:
        return self in {Access.OBJECT, Access.ADMIN_OBJECT}


Kwargs = Callable[[World], dict[str, int | str]]
Data = Callable[[World], dict[str, str]]


@dataclass(frozen=True)
class Expect:
    """A status code and, for a redirect, where it goes (a path built from the world)."""

    status: int
    to: Callable[[World], str] | None = None


def to(name: str, attr: str | None = None) -> Callable[[World], str]:
    """The path of URL `name`, for the world object `attr` if it takes one."""
    return lambda w: reverse(name, args=[getattr(w, attr).pk] if attr else [])


OK = Expect(200)
NOT_ALLOWED = Expect(405)


@dataclass(frozen=True)
class Route:
    access: Access
    kwargs: Kwargs = field(default=lambda w: {})
    # The therapist's GET (for admin-only pages: the clinic admin's; a therapist gets 403).
    get: Expect = OK
    # The form data a POST sends, for URLs that take a POST (valid data, so a missing scope
    # check would really change something).
    post: Data | None = None
    # POST-only URLs: what the therapist's POST answers (a GET is 405).
    post_only: Expect | None = None
    query: str = ""
    public_reason: str = ""


def _token(w: World) -> dict[str, int | str]:
    return {"token": token_of(w.issued.program_link)}


def _unsubscribe(w: World) -> dict[str, int | str]:
    return {"token": unsubscribe_token_of(w.issued.program_link.reminder)}


def _client(w: World) -> dict[str, int | str]:
    return {"pk": w.client.pk}


def _client_pk(w: World) -> dict[str, int | str]:
    return {"client_pk": w.client.pk}


def _pk(attr: str) -> Kwargs:
    return lambda w: {"pk": getattr(w, attr).pk}


def _client_fields(w: World) -> dict[str, str]:
    return {
        "given_name": "Priya",
        "family_name": "Changed",
        "date_of_birth": "1988-04-12",
        "sex": "",
        "version": str(w.client.version),
    }


def _visit(version: int, **extra: str) -> dict[str, str]:
    return {"version": str(version), "visit_date": "2026-11-02", "pain_now": "4", **extra}


def _treatment() -> dict[str, str]:
    """A valid treatment post: the screen answered no, one row."""
    return {
        "version": "0",
        "precautions_none": "1",
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "30",
        "form-0-technique": "swedish-massage",
        "form-0-region": "lower_back",
        "form-0-side": "both",
    }


REGISTRY: dict[str, Route] = {
    "home": Route(Access.OWN, get=Expect(302, to("client_list"))),
    # Searched by our client's date of birth (the page echoes the query, so not by name).
    "client_list": Route(Access.LIST, query="?q=1988-04-12&archived=on"),
    "client_create": Route(Access.OWN),
    "client_detail": Route(Access.OBJECT, _client),
    "client_edit": Route(Access.OBJECT, _client, post=_client_fields),
    "client_archive": Route(
        Access.OBJECT, _client, post=lambda w: {"version": str(w.client.version)}
    ),
    # Not archived: nothing to restore, back to the client page.
    "client_restore": Route(
        Access.OBJECT,
        _client,
        get=Expect(302, to("client_detail", "client")),
        post=lambda w: {"version": str(w.client.version)},
    ),
    "client_erase": Route(
        Access.OBJECT, _client, post=lambda w: {"confirm_name": w.client.full_name}
    ),
    "staff_list": Route(Access.ADMIN_LIST),
    "staff_create": Route(Access.ADMIN_LIST),
    "staff_edit": Route(
        Access.ADMIN_OBJECT,
        _pk("colleague"),
        post=lambda w: {"first_name": "X", "last_name": "Y", "role": "admin", "is_active": "on"},
    ),
    # POST only; the therapist's POST is refused like every admin page (403).
    "staff_password_link": Route(
        Access.ADMIN_OBJECT,
        _pk("colleague"),
        get=NOT_ALLOWED,
        post=lambda w: {},
        post_only=Expect(403),
    ),
    "clinic_branding": Route(Access.ADMIN_LIST),
    "audit_log": Route(Access.ADMIN_LIST),
    "handout_problems": Route(Access.ADMIN_LIST),
    # POST only; the therapist's POST is refused like every admin page (403).
    "handout_retry": Route(
        Access.ADMIN_OBJECT,
        lambda w: {"pk": w.issued.handout_pdfs.get(with_progress=False).pk},
        get=NOT_ALLOWED,
        post=lambda w: {},
        post_only=Expect(403),
    ),
    "login": Route(
        Access.PUBLIC,
        get=Expect(302, to("client_list")),  # already signed in
        public_reason="the sign-in page itself",
    ),
    "logout": Route(Access.OWN, post_only=Expect(302, to("login"))),
    "password_change": Route(Access.OWN),
    "password_change_done": Route(Access.OWN),
    "password_reset": Route(
        Access.PUBLIC, public_reason="asking for a reset link; the same answer for any address"
    ),
    "password_reset_done": Route(Access.PUBLIC, public_reason="'check your email', for anyone"),
    # A made-up token: the "link does not work" page (a valid one redirects to the form).
    "password_reset_confirm": Route(
        Access.PUBLIC,
        lambda w: {"uidb64": urlsafe_base64_encode(str(w.therapist.pk).encode()), "token": "x-y"},
        public_reason="the emailed link; shows a form only for a valid token",
    ),
    "password_reset_complete": Route(Access.PUBLIC, public_reason="'password set', for anyone"),
    "assessment_start": Route(
        Access.OBJECT, _client_pk, post=lambda w: {"visit_date": "2026-11-10"}
    ),
    "assessment_detail": Route(Access.OBJECT, _pk("final")),
    "assessment_edit": Route(
        Access.OBJECT, _pk("draft"), post=lambda w: _visit(w.draft.version, finalise="1")
    ),
    "assessment_preview": Route(
        Access.OBJECT, _pk("draft"), post=lambda w: _visit(w.draft.version), post_only=OK
    ),
    "assessment_amend": Route(
        Access.OBJECT, _pk("final"), post=lambda w: _visit(w.final.version, reason="Typo")
    ),
    "treatment_edit": Route(Access.OBJECT, _pk("draft"), post=lambda w: _treatment()),
    "treatment_amend": Route(
        Access.OBJECT, _pk("final"), post=lambda w: {**_treatment(), "reason": "Wrong side"}
    ),
    "technique_list": Route(Access.ADMIN_LIST),
    "technique_create": Route(Access.ADMIN_LIST),
    "technique_edit": Route(
        Access.ADMIN_OBJECT,
        _pk("technique"),
        post=lambda w: {"name": "Taken", "description": "x", "depth": "firm", "scope": "physio"},
    ),
    "assessment_compare": Route(Access.OBJECT, _client_pk),
    "client_progress": Route(Access.OBJECT, _client_pk),
    "library_list": Route(Access.ADMIN_LIST),
    "library_create": Route(Access.ADMIN_LIST),
    "library_edit": Route(
        Access.ADMIN_OBJECT,
        _pk("intervention"),
        post=lambda w: {"slug": "taken-over", "name": "Taken", "kind": "stretch", "steps": "x"},
    ),
    "library_pose_preview": Route(
        Access.ADMIN_LIST, query="?start_base=standing&end_base=sitting_chair&end_hip=100"
    ),
    # Any of the clinic's staff may see its pictures (the plan builder shows them).
    "library_picture": Route(Access.OBJECT, lambda w: {"digest": w.picture.digest}),
    "plan_build": Route(
        Access.OBJECT,
        lambda w: {"assessment_pk": w.draft.pk},
        post=lambda w: {},
        post_only=Expect(302),  # to the new draft plan, whose id is not known beforehand
    ),
    "plan_builder": Route(Access.OBJECT, _pk("draft_plan")),
    "plan_library": Route(Access.OBJECT, _pk("draft_plan")),
    "plan_action": Route(
        Access.OBJECT,
        _pk("draft_plan"),
        post=lambda w: builder_post(w.draft_plan, message="Hi"),
        post_only=Expect(302, to("plan_builder", "draft_plan")),
    ),
    # An issued version with an open draft: revising opens that draft.
    "plan_revise": Route(
        Access.OBJECT,
        _pk("issued"),
        post=lambda w: {},
        post_only=Expect(302, to("plan_builder", "draft_plan")),
    ),
    "handout_preview": Route(Access.OBJECT, _pk("issued")),
    "handout_pdf": Route(Access.OBJECT, _pk("issued")),
    "handout_email": Route(
        Access.OBJECT,
        _pk("issued"),
        post=lambda w: {"progress": "on"},
        post_only=Expect(302, to("plan_builder", "issued")),
    ),
    "client_export_json": Route(Access.OBJECT, _client_pk),
    "client_export_fhir": Route(Access.OBJECT, _client_pk),
    "health": Route(Access.PUBLIC, public_reason="the load balancer's probe; says only 'ok'"),
    "program_page": Route(Access.TOKEN, _token),
    "program_worker": Route(Access.TOKEN, _token),
    "program_manifest": Route(Access.TOKEN, _token),
    # POST only, JSON: an empty sync changes nothing and says so.
    "program_sync": Route(Access.TOKEN, _token, get=NOT_ALLOWED, post=lambda w: {}, post_only=OK),
    # POST only, a form: nothing sent is a form with errors, the page shown again.
    "program_reminder": Route(
        Access.TOKEN, _token, get=NOT_ALLOWED, post=lambda w: {}, post_only=OK
    ),
    # POST only, a form: nothing answered is a form with errors, the page shown again.
    "program_answers": Route(
        Access.TOKEN, _token, get=NOT_ALLOWED, post=lambda w: {}, post_only=OK
    ),
    # The reminder email's link: GET confirms (one button); the POST stops the reminders.
    "program_unsubscribe": Route(Access.TOKEN, _unsubscribe),
    "program_revoke": Route(
        Access.OBJECT,
        lambda w: {"pk": w.issued.program_link.pk},
        get=NOT_ALLOWED,
        post=lambda w: {},
        post_only=Expect(302, to("client_detail", "client")),
    ),
    # Episodes of care (episodes/): a new episode for a client with one open is refused at
    # the form (200); a goal, the reassessment, a discharge and the letter on the open one.
    "episode_create": Route(
        Access.OBJECT,
        _client_pk,
        post=lambda w: {"complaint": "Hip", "started_on": "2026-11-02", "planned_sessions": "4"},
    ),
    "episode_edit": Route(
        Access.OBJECT,
        _pk("episode"),
        post=lambda w: {
            "version": str(w.episode.version),
            "complaint": "Hip and low back",
            "planned_sessions": "8",
            "reassess_every": "4",
            **{
                f"goal_{goal.pk}_{name}": value
                for goal in w.episode.goals.all()
                for name, value in (("target", "8"), ("target_date", "2099-01-01"))
            },
        },
    ),
    "episode_goal_add": Route(
        Access.OBJECT,
        _pk("episode"),
        post=lambda w: {
            "recorded": "__other__",
            "typed": "Running",
            "target": "7",
            "target_date": "2099-01-01",
        },
    ),
    "episode_reassessed": Route(
        Access.OBJECT,
        _pk("episode"),
        get=NOT_ALLOWED,
        post=lambda w: {},
        post_only=Expect(302, to("client_detail", "client")),
    ),
    "episode_discharge": Route(
        Access.OBJECT,
        _pk("episode"),
        post=lambda w: {
            "discharged_on": w.episode.started_on.isoformat(),
            "summary": "Discharged well.",
            **{f"goal_{goal.pk}": "yes" for goal in w.episode.goals.all()},
        },
    ),
    "episode_letter": Route(Access.OBJECT, _pk("episode")),
}

# The maintenance admin (/admin/) is walked as one unit: every name in its namespace is
# covered, and this sample is requested (kwargs from the world).
ADMIN_SAMPLE: dict[str, Kwargs] = {
    "admin:index": lambda w: {},
    "admin:app_list": lambda w: {"app_label": "clinic"},
    "admin:clinic_clinic_changelist": lambda w: {},
    "admin:clinic_clinic_change": lambda w: {"object_id": w.clinic.pk},
    "admin:clinic_membership_changelist": lambda w: {},
    "admin:clinic_auditentry_changelist": lambda w: {},
    "admin:plans_clinicintervention_changelist": lambda w: {},
    "admin:plans_clinicintervention_change": lambda w: {"object_id": w.intervention.pk},
}
# The admin's own sign-in page is public like the app's.
ADMIN_PUBLIC = {"admin:login": "the maintenance area's sign-in page"}
