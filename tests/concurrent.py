"""Firing the same form post several times at once, as a double click or a retry does.

Each post runs in its own thread, so on its own database connection and in its own
transaction; a barrier releases them together. Only PostgreSQL runs them truly side by
side: SQLite takes one writer at a time and answers the others "database is locked", so
the threaded tests are skipped there (a sequential repeat is tested on both).
"""

import threading
from collections.abc import Sequence
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client as HttpClient

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers by refusing them; only PostgreSQL runs posts together",
)


def post_together(
    user: User | Sequence[User], url: str, data: dict[str, Any], *, times: int = 3
) -> list[tuple[int, str]]:
    """Post `data` to `url` at once, `times` times as `user` or once as each of several.

    Returns each answer's (status, Location).
    """
    users = [user] * times if isinstance(user, User) else list(user)
    times = len(users)
    browsers = []
    for each in users:
        # A 500 comes back as a response, as the user would see it, not as an exception.
        browser = HttpClient(raise_request_exception=False)
        browser.force_login(each)
        browsers.append(browser)
    start = threading.Barrier(times)
    answers: list[tuple[int, str]] = [(0, "")] * times

    def post(index: int) -> None:
        try:
            start.wait()
            response = browsers[index].post(url, data)
            answers[index] = (response.status_code, response.get("Location", ""))
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=post, args=(index,)) for index in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers
