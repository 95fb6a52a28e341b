"""The client list's table rows as HTML, built in Python.

The client list is the busiest page. Through template tags, each of its 25 rows cost a
URL reverse, two date filters and a dozen variable lookups, which together took longer
than the rest of the page (docs/performance.md, "Load"); format_html was still about 130
Python calls a row. Here one reverse serves every row, the dates come from clinic.dates
and every typed value is escaped with html.escape: about 15 calls a row.
"""

import datetime
from collections.abc import Iterable
from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

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

_PLACEHOLDER = "987654321"  # stands for the client's id in the reversed URL
_ARCHIVED = '<span class="badge text-bg-secondary">Archived</span>'


def _row(href: str, values: RowValues) -> str:
    _, family, given, preferred, born, last_visit, archived = values
    also = (
        f' <span class="text-secondary">({escape(preferred)})</span>'
        if preferred and preferred != given
        else ""
    )
    return (
        f'<tr><td><a href="{href}">{escape(family)}, {escape(given)}</a>{also}</td>'
        f"<td>{format_date(born)}</td>"
        f"<td>{format_date(last_visit) if last_visit else 'No visits yet'}</td>"
        f"<td>{_ARCHIVED if archived else 'Active'}</td></tr>\n"
    )


def client_rows(clients: Iterable[RowValues]) -> SafeString:
    """One <tr> per client: name linking to the client page, birth date, last visit, status.

    Every typed value goes through html.escape (what Django's escape filter calls); the
    rest is our own markup, dates and the id (an integer)."""
    before, after = reverse("client_detail", args=[int(_PLACEHOLDER)]).split(_PLACEHOLDER)
    html = "".join(_row(f"{before}{int(values[0])}{after}", values) for values in clients)
    return mark_safe(html)  # noqa: S308 - built above from escaped values
