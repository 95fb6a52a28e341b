"""The assessment sections' access keys: Alt+key jumps to a section on the entry page and
the visit page (templates/assessments/_section_nav.html).

Keyed by section, not by place, so a section keeps its key on every page and when sections
are added. Digits for the first ten; then a letter from the section's name. Chromium keeps
Alt+D, Alt+E and Alt+F for itself (the address bar and its menu), so none of those is used.
"""

from django import template

register = template.Library()

SECTION_KEYS = {
    "subjective": "1",
    "red_flags": "2",
    "posture": "3",
    "thomas": "4",
    "rom": "5",
    "muscle_length": "6",
    "special_tests": "7",
    "strength": "8",
    "movement": "9",
    "palpation": "0",
    "history": "h",
    "function": "s",  # functional screens
    "outcomes": "q",  # questionnaires: the outcome measures
}
# The entry page's visit fields (date and story) have their own key, "v" (the template).


@register.filter
def section_key(code: str) -> str:
    """The section's access key ("" for a section without one)."""
    return SECTION_KEYS.get(code, "")
