"""Every assessment section has its own access key (assessments/templatetags/section_keys.py)."""

from django.template import Context, Template

from assessments.catalogue.items import SECTIONS
from assessments.templatetags.section_keys import SECTION_KEYS, section_key


def test_every_section_has_a_key_of_its_own_and_none_the_browser_keeps() -> None:
    keys = [section_key(section.code) for section in SECTIONS]
    assert all(len(key) == 1 for key in keys), keys
    assert len(set(keys) | {"v"}) == len(SECTIONS) + 1  # "v": the visit's fields
    assert not set(keys) & {"d", "e", "f"}
    assert set(SECTION_KEYS) == {section.code for section in SECTIONS}  # no stale entry


def test_nav_shows_each_sections_key() -> None:
    html = Template("{% include 'assessments/_section_nav.html' %}").render(
        Context({"sections": [{"section": section} for section in SECTIONS], "editing": True})
    )
    assert html.count("accesskey=") == len(SECTIONS) + 1
    assert 'href="#section-outcomes" accesskey="q">Outcome measures <kbd>q</kbd>' in html
