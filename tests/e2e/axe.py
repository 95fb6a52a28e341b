"""axe-core in a page: its serious and critical violations, and a report of them.

axe-core's script ships inside the axe-playwright-python wheel, so this runs offline;
Playwright's evaluate is not subject to the page's Content-Security-Policy, so the app's
strict policy stays as it is.
"""

from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

# The impacts that fail the suite; "moderate" and "minor" ones are advice.
BLOCKING = frozenset({"serious", "critical"})
AXE = Axe()


def report(violations: list[dict[str, Any]]) -> str:
    """One block per violation: rule id, impact, what to do, and where (CSS selectors)."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append("  - " + " ".join(str(part) for part in node["target"]))
            if node.get("failureSummary"):
                lines.append("    " + node["failureSummary"].replace("\n", "\n    "))
    return "\n".join(lines)


# What a narrower viewport can change: the pages show the same elements at every width (the
# styles move them, they do not swap them), so names, labels, roles and structure are the
# same and are checked once, at desktop width; at tablet and phone widths only the rules
# that depend on the layout run (contrast over what now lies behind a text, regions that
# scroll sideways, tap targets, the viewport and orientation).
LAYOUT_RULES = [
    "color-contrast",
    "scrollable-region-focusable",
    "target-size",
    "meta-viewport",
    "css-orientation-lock",
]


def blocking_violations(page: Page, *, layout_only: bool = False) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now."""
    options: dict[str, Any] = {"resultTypes": ["violations"]}
    if layout_only:
        options["runOnly"] = {"type": "rule", "values": LAYOUT_RULES}
    results = AXE.run(page, options=options)
    assert results.response["testEngine"]["name"] == "axe-core"  # axe ran in the page
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING]
