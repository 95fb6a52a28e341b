"""The handout's PDF structure tree holds under a PDF/UA checker's rules.

ISO 32000-1 Table 336 (Matterhorn 09-005): a list (L) holds its items (LI) directly.
Headings nest (never H1 straight to H3), and every figure has alternative text.
"""

import itertools
from collections.abc import Iterator
from typing import Any

from django.contrib.auth.models import User
from pypdf.generic import DictionaryObject

from assessments.models import Assessment
from tests.plans.handout.helpers import issue_six, reader, render_pdf


def _children(node: DictionaryObject) -> list[DictionaryObject]:
    kids: Any = node.get("/K")
    if kids is None:
        return []
    kids = kids.get_object()
    items = kids if isinstance(kids, list) else [kids]
    found = [item.get_object() for item in items]
    return [kid for kid in found if isinstance(kid, DictionaryObject) and "/S" in kid]


def _walk(node: DictionaryObject) -> Iterator[DictionaryObject]:
    yield node
    for kid in _children(node):
        yield from _walk(kid)


def _nodes(therapist: User, typical: Assessment) -> list[DictionaryObject]:
    """Every structure element of the handout (with its progress page), in reading order."""
    pdf = reader(render_pdf(issue_six(therapist, typical), with_progress=True))
    root: DictionaryObject = pdf.trailer["/Root"]["/StructTreeRoot"].get_object()
    return [node for kid in _children(root) for node in _walk(kid)]


def test_handout_lists_hold_their_items_directly(therapist: User, typical: Assessment) -> None:
    nodes = _nodes(therapist, typical)
    lists = [node for node in nodes if node["/S"] == "/L"]
    assert len(lists) >= 8  # focus, steps, advice, warning signs, tick sheet ...
    wrong = [
        [kid["/S"] for kid in _children(node) if kid["/S"] not in {"/LI", "/Caption"}]
        for node in lists
    ]
    assert [found for found in wrong if found] == []


def test_handout_headings_nest_and_figures_have_alt_text(
    therapist: User, typical: Assessment
) -> None:
    nodes = _nodes(therapist, typical)
    levels = [int(node["/S"][2:]) for node in nodes if node["/S"] in {"/H1", "/H2", "/H3"}]
    assert levels[0] == 1
    assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels))
    figures = [node for node in nodes if node["/S"] == "/Figure"]
    assert len(figures) >= 6
    assert all(str(node.get("/Alt", "")).strip() for node in figures)
