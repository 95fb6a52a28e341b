"""The progress letter's PDF, rendered on request with WeasyPrint like the handout: its
stylesheet and letterhead, the same static-only URL fetcher, PDF/UA.

Rendered in the request, not in the task worker: a letter is asked for rarely, is one or
two pages of text without pictures, and is about the episode as it is now, so there is
nothing to keep (docs/episodes.md, "Progress letter").
"""

from functools import cache
from typing import Any

from django.template.loader import render_to_string
from weasyprint import CSS, HTML

from episodes.letter.context import TEMPLATE
from plans.handout.fetcher import BASE_URL, STATIC_PREFIX, HandoutFetcher
from plans.handout.render import PDF_VARIANT, handout_stylesheets

STYLESHEET = "episodes/letter.css"


@cache
def letter_stylesheet() -> CSS:
    """The letter's own rules on top of the handout's, parsed once per process."""
    return CSS(url=STATIC_PREFIX + STYLESHEET, url_fetcher=HandoutFetcher())


def letter_pdf(context: dict[str, Any]) -> bytes:
    clinic = context["clinic"]
    fetcher = HandoutFetcher(
        logo=bytes(clinic.logo or b""), logo_content_type=clinic.logo_content_type
    )
    document = HTML(
        string=render_to_string(TEMPLATE, context), base_url=BASE_URL, url_fetcher=fetcher
    ).render(
        stylesheets=(*handout_stylesheets(context["page_size"]), letter_stylesheet()),
        pdf_variant=PDF_VARIANT,
    )
    return bytes(document.write_pdf(pdf_variant=PDF_VARIANT))


def letter_file_name(context: dict[str, Any]) -> str:
    client = context["client"]
    safe = "".join(ch for ch in client.family_name if ch.isalnum()) or "client"
    return f"progress-letter-{safe.lower()}-{context['today']:%Y-%m-%d}.pdf"
