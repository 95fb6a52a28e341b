"""Who the signed-in user is in the clinic, cached once per request."""

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from clinic.models import Membership
from clinic.selectors import membership_for

_CACHE_ATTR = "_clinic_membership"

NOT_CLINIC_ADMIN = (
    "Only a clinic admin can open this page: staff, branding, the intervention library and "
    "the audit log are managed by your clinic admin. Ask them if something here needs to "
    "change."
)

_P = ParamSpec("_P")
_Request = TypeVar("_Request", bound=HttpRequest)


def membership_of(request: HttpRequest) -> Membership | None:
    """The request user's membership, read from the database at most once per request."""
    if not hasattr(request, _CACHE_ATTR):
        setattr(request, _CACHE_ATTR, membership_for(request.user))
    membership: Membership | None = getattr(request, _CACHE_ATTR)
    return membership


def require_membership(request: HttpRequest) -> Membership:
    """The membership, or 403 for a signed-in account that belongs to no clinic."""
    membership = membership_of(request)
    if membership is None:
        raise PermissionDenied("Your account is not a member of any clinic.")
    return membership


def require_clinic_admin(request: HttpRequest) -> Membership:
    """The membership of a clinic admin; 403 for a therapist, 404 for anyone in no clinic.

    A therapist is refused in their own clinic with a reason (403 reveals nothing: the
    page exists for every clinic). An account outside every clinic gets the 404 it gets
    for any clinic's records.
    """
    membership = membership_of(request)
    if membership is None:
        raise Http404("Not a member of any clinic.")
    if not membership.is_admin:
        raise PermissionDenied(NOT_CLINIC_ADMIN)
    return membership


def clinic_admin_required(
    view: Callable[Concatenate[_Request, _P], HttpResponse],
) -> Callable[Concatenate[_Request, _P], HttpResponse]:
    """Let only clinic admins into the view (see require_clinic_admin)."""

    @functools.wraps(view)
    def wrapped(request: _Request, *args: _P.args, **kwargs: _P.kwargs) -> HttpResponse:
        require_clinic_admin(request)
        return view(request, *args, **kwargs)

    return wrapped
