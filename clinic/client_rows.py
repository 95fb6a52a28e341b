"""The client list's table rows as HTML, built in Python.

The client list is the busiest page. Through template tags, each of its 25 rows cost a
URL reverse, two date filters and a dozen variable lookups, which together took longer
than the rest of the page (docs/performance.md, "Load"). Here one reverse serves every
row and the dates come from clinic.dates; every value is escaped by format_html.
"""

import datetime
from collections.abc import Iterable

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from clinic.dates import format_date

# What a row needs, in this order (a values_list of Client).
ROW_FIELDS = (
    "pk",
    "family_name",
    "given_name",
    "preferred_name",
    "date_of_birth",
    "last_visit_on",
    "archived",
)
RowValues = tuple[int, str, str, str, datetime.date, datetime.date | None, bool]

_PLACEHOLDER = 987654321  # stands for the client's id in the reversed URL
_ARCHIVED = format_html('<span class="badge text-bg-secondary">{}</span>', "Archived")
_ROW = '<tr><td><a href="{}">{}, {}</a>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n'


def _preferred(given: str, preferred: str) -> SafeString:
    if not preferred or preferred == given:
        return SafeString("")
    return format_html(' <span class="text-secondary">({})</span>', preferred)


def client_rows(clients: Iterable[RowValues]) -> SafeString:
    """One <tr> per client: name linking to the client page, birth date, last visit, status."""
    href = reverse("client_detail", args=[_PLACEHOLDER])
    before, after = href.split(str(_PLACEHOLDER))
    return format_html_join(
        "",
        _ROW,
        (
            (
                f"{before}{pk}{after}",
                family,
                given,
                _preferred(given, preferred),
                format_date(born),
                format_date(last_visit) if last_visit else "No visits yet",
                _ARCHIVED if archived else "Active",
            )
            for pk, family, given, preferred, born, last_visit, archived in clients
        ),
    )
