"""Template context shared by every page."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from clinic.access import membership_of


def membership(request: HttpRequest) -> dict[str, object]:
    """The signed-in user's membership, loaded only if a template asks for it."""
    return {"membership": SimpleLazyObject(lambda: membership_of(request))}
