"""No page is kept by a browser or a proxy: every dynamic response says Cache-Control no-store.

Pages show health data and clinic computers are shared: after sign-out, the Back button
must show nothing from the browser's cache. Django's add_never_cache_headers (no-cache,
no-store, must-revalidate, private, max-age=0, and an Expires in the past) goes on every
response a view or a middleware makes, unless it chose its own Cache-Control (the PDF
and the exports say "private, no-store", the 503 page "no-store").

Every dynamic response rather than only a signed-in user's: asking whether the user is
signed in reads the session, a query on the way out that may be answering a database
outage; and what anonymous visitors get (the sign-in page with its CSRF token, redirects)
is not worth caching either. Static files keep their caching: this middleware sits inside
WhiteNoiseMiddleware, which answers them without calling what is inside it.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import add_never_cache_headers


class NeverCacheMiddleware:
    """Add Django's never-cache headers to every response that set no Cache-Control."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response
