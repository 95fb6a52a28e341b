"""Every test here is a browser test (marker e2e); the browser and page fixtures are shared
with the browser benchmarks (tests/browser_fixtures.py)."""

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(autouse=True)
def _page_closes_before_the_database_is_emptied(request: pytest.FixtureRequest) -> None:
    """The test database is set up before the browser page, so it is torn down after it.

    Otherwise the page lived on while the database was emptied after the test, and a
    request its script sent late (the program page sends an unsent pain rating again after
    2 s) met the emptying tables: a deadlock, and every later test in that process failed.
    """
    if "page" in request.fixturenames:
        request.getfixturevalue("transactional_db")
