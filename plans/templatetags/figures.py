"""{% figure_src content %}: a plan item's picture URL (plans.library.picture_urls)."""

from collections.abc import Mapping
from typing import Any

from django import template

from plans.library.picture_urls import content_figure_src

register = template.Library()


@register.simple_tag
def figure_src(content: Mapping[str, Any]) -> str:
    return content_figure_src(content)
