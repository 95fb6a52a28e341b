"""Handout views (HTML preview, PDF download, email): being built; see issue 5."""

from django.http import Http404, HttpResponse

from clinic.http import AuthedRequest


def handout_preview(request: AuthedRequest, pk: int) -> HttpResponse:
    raise Http404


def handout_pdf(request: AuthedRequest, pk: int) -> HttpResponse:
    raise Http404


def handout_email(request: AuthedRequest, pk: int) -> HttpResponse:
    raise Http404
