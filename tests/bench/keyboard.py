"""Driving the assessment page by keys alone, counting each key (the keyboard benchmark,
tests/bench/test_bench_entry_keys.py): the page's Tab stops, the cheapest route to a
field, where Enter saves, and `Keys`, which sends and counts."""

from collections import Counter
from typing import Any

from playwright.sync_api import Page, expect

# Chromium gives a date input one Tab stop per part (month, day, year) and its picker.
DATE_STOPS = 4
ALT = 1  # the DevTools protocol's modifier bit

# The page's Tab stops, in order (no positive tabindex on the page: document order).
STOPS = """(dateStops) => {
  const stops = [];
  const focusable = "a[href], button, input, select, textarea, [tabindex]";
  for (const el of document.querySelectorAll(focusable)) {
    if (el.tabIndex < 0 || el.disabled || el.hidden || el.type === "hidden") continue;
    if (!el.checkVisibility({ visibilityProperty: true })) continue;
    for (let n = 0; n < (el.type === "date" ? dateStops : 1); n += 1) stops.push(el);
  }
  return stops;
}"""
# Every way to reach the element `selector` names, as [access key or null, Tabs, backward]:
# Tab or Shift+Tab from the focus, or from the section an access key focuses. Tab from an
# element that is no stop (the page's body, a section) goes to the first stop after it.
ROUTES = f"""([selector, dateStops]) => {{
  const stops = ({STOPS})(dateStops);
  const at = stops.indexOf(document.querySelector(selector));
  if (at < 0) throw new Error(`${{selector}} is no Tab stop`);
  const from = (node) => {{
    const here = stops.lastIndexOf(node);
    if (here >= 0) return at >= here ? [at - here, false] : [here - at, true];
    const after = (el) => node.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING;
    let next = stops.findIndex(after);
    if (next < 0) next = stops.length;
    return at >= next ? [at - next + 1, false] : [next - at, true];
  }};
  const routes = [[null, ...from(document.activeElement)]];
  for (const link of document.querySelectorAll("a[accesskey][href^='#']")) {{
    routes.push([link.accessKey, ...from(document.getElementById(link.hash.slice(1)))]);
  }}
  return routes;
}}"""
# Where Enter saves the draft, nearest the focus first: a text field or a box (the form's
# implicit submission, by its hidden first "Save" button), or "Save draft". Not a drop-down,
# where Enter does nothing, nor a note's text area, where it starts a new line.
SAVE_AT = f"""(dateStops) => {{
  const stops = ({STOPS})(dateStops);
  const here = stops.lastIndexOf(document.activeElement);
  const saves = (el) => el.form?.id === "assessment-form" && (el.name === "save"
    || (el.tagName === "INPUT" && ["text", "checkbox"].includes(el.type)));
  const distance = (index) => (here < 0 ? index + 1 : Math.abs(index - here));
  const best = stops.map((el, index) => [el, index]).filter(([el]) => saves(el))
    .sort((a, b) => distance(a[1]) - distance(b[1]))[0][0];
  return best.id ? `#${{best.id}}` : `button[name=${{best.name}}]`;
}}"""
# Following a section link changes the address's #fragment, and the page handles the
# hashchange event after the key: {done} settles once that has run (listeners run in the
# order added, the page's first), or at once when the link's fragment is already there.
HASH_CHANGE = """(key) => {
  const link = document.querySelector(`a[accesskey="${key}"]`);
  if (location.hash === link.hash) return { done: true };
  return { done: new Promise((settle) => addEventListener("hashchange", settle, { once: true })) };
}"""
FOCUSED = "(selector) => document.activeElement === document.querySelector(selector)"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


class Keys:
    """Sends keys to the page and counts each one by what it was for.

    Playwright sends a key pressed with Alt without its text, and Chromium finds an access
    key by that text, so Alt+digit goes through the DevTools protocol as a keyboard sends it.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.devtools = page.context.new_cdp_session(page)
        self.counts: Counter[str] = Counter()
        self.moves: Counter[str] = Counter()  # navigation by key: Tab, Shift+Tab, Alt+key
        self.fields = 0  # fields typed into or picked
        self.confirmations = 0  # one-action confirmations (a button, a box)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def _press(self, key: str, kind: str) -> None:
        self.page.keyboard.press(key)
        self.counts[kind] += 1

    def _type(self, character: str, kind: str) -> None:
        self.page.keyboard.type(character)
        self.counts[kind] += 1

    def _access_key(self, key: str) -> None:
        """Alt+key; then wait until the page's hashchange handler (static/js/section-nav.js)
        has focused the section, or a Tab pressed before it runs is undone."""
        moved = self.page.evaluate_handle(HASH_CHANGE, key)
        code = f"Digit{key}" if key.isdigit() else f"Key{key.upper()}"
        event = {
            "modifiers": ALT,
            "key": key,
            "code": code,
            "windowsVirtualKeyCode": ord(key.upper()),
        }
        self.devtools.send(
            "Input.dispatchKeyEvent", {"type": "keyDown", "unmodifiedText": key, **event}
        )
        self.devtools.send("Input.dispatchKeyEvent", {"type": "keyUp", **event})
        self.page.evaluate("(moved) => moved.done", moved)
        self.counts["navigation"] += 1
        self.moves["Alt+key"] += 1

    def go(self, selector: str) -> None:
        """Move the focus to `selector` by the fewest keys."""
        routes: list[list[Any]] = self.page.evaluate(ROUTES, [selector, DATE_STOPS])
        key, tabs, backward = min(
            routes, key=lambda route: (route[1] + bool(route[0]), bool(route[0]))
        )
        if key:
            self._access_key(key)
        tab = "Shift+Tab" if backward else "Tab"
        for _ in range(tabs):
            self._press(tab, "navigation")
        self.moves[tab] += tabs
        assert self.page.evaluate(FOCUSED, selector), f"the keys missed {selector}"

    def type(self, selector: str, text: str) -> None:
        """Type a number or note into a field (Tab selects what it holds: typing replaces it)."""
        self.go(selector)
        for character in text:
            self._type(character, "typed")
        self.fields += 1

    def pick(self, selector: str, keys: str) -> None:
        """Pick a drop-down's answer by its typed first letter, or a grade by its code."""
        self.go(selector)
        for character in keys:
            self._type(character, "choice")
        self.fields += 1

    def act(self, selector: str, key: str = "Enter", *, confirmation: bool = False) -> None:
        """Press a button (Enter) or tick a box (Space)."""
        self.go(selector)
        self._press(key, "action")
        self.confirmations += confirmation

    def save(self) -> None:
        """Enter where it saves the draft, nearest the focus; the edit page shows again."""
        with self.page.expect_navigation():
            self.act(self.page.evaluate(SAVE_AT, DATE_STOPS))
        expect(self.page.locator(".alert", has_text="Draft saved.")).to_be_visible()

    def breakdown(self) -> str:
        moves = ", ".join(
            f"{self.moves[key]} {key}"
            for key in ("Tab", "Shift+Tab", "Alt+key")
            if self.moves[key]
        )
        counts = self.counts
        return (
            f"{_count(counts['typed'], 'typed character')}, {counts['navigation']} navigation"
            f" ({moves}), {_count(counts['choice'], 'choice key')},"
            f" {_count(counts['action'], 'action')}"
        )
