"""Who the signed-in user is in the clinic, cached once per request."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from clinic.models import Membership
from clinic.selectors import membership_for

_CACHE_ATTR = "_clinic_membership"


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
