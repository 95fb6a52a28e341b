"""The program link on paper and in the email: its address, and a QR code of it (segno,
pure Python) as SVG for the handout's first page.

The address needs the site's own (settings.SITE_URL, DJANGO_SITE_URL): the worker renders
handouts without a request to take it from. Without it, no link is printed.
"""

import io

import segno
from django.conf import settings
from django.urls import reverse

from plans.models import ProgramLink
from plans.program.selectors import token_of


def program_url(version_id: int) -> str:
    """The version's program address, or "" (no link, or no site address configured)."""
    site = settings.SITE_URL.rstrip("/")
    link = ProgramLink.objects.filter(version_id=version_id).only("salt").first()
    if not site or link is None:
        return ""
    return site + reverse("program_page", args=[token_of(link)])


def qr_svg(url: str) -> bytes:
    """The address as a QR code: SVG, black on white, medium error correction."""
    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        out, kind="svg", scale=4, border=2, xmldecl=False, title="Your program on your phone"
    )
    return out.getvalue()
