"""Walk every URL pattern as anonymous, outsider, therapist and clinic admin (issue 7).

The expectations live in tests/url_registry.py (REGISTRY). A URL name the resolver has and
the registry has not fails `test_url_walker_covers_every_url_name`: add it to REGISTRY. The
maintenance admin (/admin/) is walked as one unit in tests/test_url_walker_admin.py.
"""

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.test import Client as HttpClient
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.url_registry import ADMIN_PUBLIC, ADMIN_SAMPLE, REGISTRY, Access, Expect
from tests.url_walker_fixtures import signed_in
from tests.url_world import OURS, THEIRS, World

# Views and forms over fixtures: make test-sqlite leaves these out (tests/conftest.py).
pytestmark = pytest.mark.same_on_any_database

ROUTES = sorted(REGISTRY)
ADMIN_ONLY = sorted(name for name, route in REGISTRY.items() if route.access.admin_only)
SNAPSHOT_APPS = ("auth", "clinic", "assessments", "treatment", "plans")


def _patterns(
    resolver: URLResolver, namespace: str = "", prefix: str = ""
) -> Iterator[tuple[str, str]]:
    """(name with namespace, or "" when unnamed; route text) of every pattern, recursively."""
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _patterns(pattern, inner, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else ""
            yield name, prefix + str(pattern.pattern)


def _resolver_names() -> tuple[set[str], list[str]]:
    """Every URL name, and the route of every unnamed pattern outside the admin."""
    names, unnamed = set(), []
    for name, route in _patterns(get_resolver()):
        if name:
            names.add(name)
        elif not route.startswith("admin/"):
            unnamed.append(route)
    return names, unnamed


def _path(name: str, world: World) -> str:
    route = REGISTRY[name]
    return reverse(name, kwargs=route.kwargs(world))


def _text(response: HttpResponse) -> str:
    return response.content.decode(errors="replace")


def _leaks(response: HttpResponse, words: tuple[str, ...]) -> list[str]:
    text = _text(response)
    return [word for word in words if word in text]


def _snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row of the project's tables and auth's, to prove a refused POST changed nothing."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for app in SNAPSHOT_APPS
        for model in apps.get_app_config(app).get_models()
    }


def _check(response: HttpResponse, expect: Expect, world: World, who: str) -> None:
    got = (response.status_code, response.get("Location") if expect.to else None)
    wanted = (expect.status, expect.to(world) if expect.to else None)
    assert got == wanted, f"{who}: got {got}, expected {wanted}"


# ---- coverage -------------------------------------------------------------------------


def _uncovered(names: set[str]) -> list[str]:
    """URL names outside the admin unit that the registry does not know."""
    return sorted(name for name in names if not name.startswith("admin:") and name not in REGISTRY)


def test_url_walker_covers_every_url_name() -> None:
    names, unnamed = _resolver_names()
    missing = _uncovered(names)
    assert missing == [], (
        f"new URL not covered by the walker: add it to REGISTRY in tests/url_registry.py: "
        f"{', '.join(missing)}"
    )
    assert unnamed == [], f"URL patterns without a name (name them, then register): {unnamed}"


def test_url_walker_finds_names_inside_includes() -> None:
    names, _ = _resolver_names()
    assert {"client_list", "plan_builder", "assessment_edit", "admin:index"} <= names
    assert _uncovered({"client_list", "brand_new_page", "admin:new_model_changelist"}) == [
        "brand_new_page"
    ]


def test_url_walker_registry_has_no_stale_names() -> None:
    names, _ = _resolver_names()
    known = set(REGISTRY) | set(ADMIN_SAMPLE) | set(ADMIN_PUBLIC)
    assert sorted(known - names) == []


# ---- the client's program link ----------------------------------------------------------

MADE_UP = "x" * 43  # a token's length, not a token


def _token_route(name: str, world: World, http: HttpClient, who: str) -> None:
    """Anyone: the world's token opens the route; a made-up one is a 404 with nothing of
    ours (the same for the anonymous, an outsider, our therapist)."""
    route, path = REGISTRY[name], _path(name, world)
    made_up = reverse(name, kwargs={"token": MADE_UP})
    if route.post_only is not None:
        assert http.get(path).status_code == 405
        body = json.dumps(route.post(world) if route.post else {})
        response = http.post(path, body, content_type="application/json")
        _check(response, route.post_only, world, f"{who} POST {path}")
        refused = http.post(made_up, body, content_type="application/json")
    else:
        _check(http.get(path), route.get, world, f"{who} GET {path}")
        refused = http.get(made_up)
    assert (refused.status_code, _leaks(refused, OURS)) == (404, [])


# ---- anonymous ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ROUTES)
def test_url_anonymous_is_sent_to_login(name: str, world: World) -> None:
    route, path = REGISTRY[name], _path(name, world)
    anonymous = HttpClient()
    if route.access is Access.TOKEN:
        _token_route(name, world, anonymous, "anonymous")
        return
    if route.access is Access.PUBLIC:
        response = anonymous.get(path)
        assert (response.status_code, _leaks(response, OURS)) == (200, [])
        return
    login = redirect_to_login(path).url
    response = anonymous.get(path + route.query)
    assert (response.status_code, response.get("Location")) == (
        302,
        redirect_to_login(path + route.query).url,
    )
    if route.post is not None:
        before = _snapshot()
        response = anonymous.post(path, route.post(world))
        assert (response.status_code, response.get("Location")) == (302, login)
        assert _snapshot() == before


# ---- outsider -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ROUTES)
def test_url_outsider_gets_404_or_none_of_our_data(name: str, world: World) -> None:
    """Another clinic's user: 404 for our objects, their own rows only on list pages.

    For clinic-admin pages the outsider is the other clinic's admin (their therapist is
    refused with a 403 before any lookup, exactly like ours, which reveals nothing).
    """
    route, path = REGISTRY[name], _path(name, world)
    if route.access is Access.TOKEN:
        _token_route(name, world, signed_in(world.outsider), "outsider")
        return
    outsider = signed_in(world.other_admin if route.access.admin_only else world.outsider)
    if route.access.admin_only:
        assert signed_in(world.outsider).get(path).status_code == 403
    if route.access.names_object:
        if route.post_only is None:
            response = outsider.get(path)
            assert (response.status_code, _leaks(response, OURS)) == (404, [])
        if route.post is not None:
            before = _snapshot()
            response = outsider.post(path, route.post(world))
            assert (response.status_code, _leaks(response, OURS)) == (404, [])
            assert _snapshot() == before
        return
    if route.post_only is not None:
        assert outsider.get(path).status_code == 405
        return
    for url in [path, path + route.query] if route.query else [path]:
        response = outsider.get(url)
        _check(response, route.get, world, f"outsider GET {url}")
        assert _leaks(response, OURS) == []


# ---- therapist and clinic admin -------------------------------------------------------


@pytest.mark.parametrize("name", ROUTES)
def test_url_therapist_gets_documented_response(name: str, world: World) -> None:
    route, path = REGISTRY[name], _path(name, world)
    therapist = signed_in(world.therapist)
    if route.access is Access.TOKEN:
        _token_route(name, world, therapist, "therapist")
        return
    if route.access.admin_only:
        response = therapist.get(path)
        assert (response.status_code, "Only a clinic admin" in _text(response)) == (403, True)
        return
    if route.post_only is not None:
        assert therapist.get(path).status_code == 405
        response = therapist.post(path, route.post(world) if route.post else {})
        _check(response, route.post_only, world, f"therapist POST {path}")
        return
    for url in [path, path + route.query] if route.query else [path]:
        response = therapist.get(url)
        _check(response, route.get, world, f"therapist GET {url}")
        assert _leaks(response, THEIRS) == []


@pytest.mark.parametrize("name", ADMIN_ONLY)
def test_url_clinic_admin_gets_admin_page(name: str, world: World) -> None:
    route, path = REGISTRY[name], _path(name, world)
    response = signed_in(world.admin).get(path)
    _check(response, route.get, world, f"clinic admin GET {path}")
    assert _leaks(response, THEIRS) == []


OBJECT_ROUTES = sorted(name for name, route in REGISTRY.items() if route.access.names_object)


@pytest.mark.parametrize("name", OBJECT_ROUTES)
def test_url_unknown_id_is_404_like_another_clinics(name: str, world: World) -> None:
    # Ids beyond any column's range too: the same 404 an outsider gets, never a crash.
    route = REGISTRY[name]
    user = signed_in(world.admin)
    for unknown in (10**6, 10**20):
        kwargs = {key: unknown for key in route.kwargs(world)}
        path = reverse(name, kwargs=kwargs)
        response = user.post(path, route.post(world)) if route.post_only else user.get(path)
        assert response.status_code == 404, path


@pytest.mark.parametrize("query", ["?q=&archived=on", "?q=1988-04-12", "?q=1975-06-01"])
def test_url_client_list_shows_only_own_clinic_clients(world: World, query: str) -> None:
    path = reverse("client_list") + query
    ours, theirs = (
        _text(signed_in(world.therapist).get(path)),
        _text(signed_in(world.outsider).get(path)),
    )
    born = {"?q=1988-04-12": "Sharma", "?q=1975-06-01": "Outhwaite"}.get(query)
    assert ("Sharma" in ours, "Outhwaite" in ours) == (born in {None, "Sharma"}, False)
    assert ("Sharma" in theirs, "Outhwaite" in theirs) == (False, born in {None, "Outhwaite"})


def test_url_client_erase_post_as_therapist_is_403_and_keeps_client(world: World) -> None:
    therapist = signed_in(world.therapist)
    before = _snapshot()
    response = therapist.post(
        reverse("client_erase", args=[world.client.pk]), {"confirm_name": "Priya Sharma"}
    )
    assert response.status_code == 403
    assert _snapshot() == before


# ---- caching --------------------------------------------------------------------------


def _cache_directives(response: HttpResponse) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def test_url_every_signed_in_page_is_never_cached(world: World) -> None:
    """Shared clinic computers: after sign-out, Back must not show a cached page."""
    cached = {}
    for name, route in REGISTRY.items():
        user = signed_in(world.admin if route.access.admin_only else world.therapist)
        path = _path(name, world) + route.query
        response = user.get(path)
        if "no-store" not in _cache_directives(response):
            cached[path] = response.get("Cache-Control")
    for name in ADMIN_SAMPLE:
        path = reverse(name, kwargs=ADMIN_SAMPLE[name](world))
        response = signed_in(world.admin).get(path)
        if "no-store" not in _cache_directives(response):
            cached[path] = response.get("Cache-Control")
    assert cached == {}


@override_settings(WHITENOISE_USE_FINDERS=True)
def test_url_static_file_keeps_its_caching_when_signed_in(world: World) -> None:
    response = signed_in(world.therapist).get("/static/css/app.css")
    response.close()
    assert (response.status_code, _cache_directives(response)) == (200, {"max-age=60", "public"})


@override_settings(WHITENOISE_USE_FINDERS=True)
def test_url_static_file_is_public(db: None) -> None:
    # Served by whitenoise before URL resolution; public because it holds no clinic data.
    # (db: closing the response ends the request, which checks the connection.)
    response = HttpClient().get("/static/css/app.css")
    body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    response.close()
    assert (response.status_code, response["Content-Type"].split(";")[0]) == (200, "text/css")
    assert body.startswith(b"/*")
