"""Every test here is a browser test (marker e2e); the browser and page fixtures are shared
with the browser benchmarks (tests/browser_fixtures.py)."""

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
