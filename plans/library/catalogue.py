"""The built-in library: every entry, and the lookup by slug.

Pure data, no Django: the rules engine and the handout read these names through
`plans.library`. The entries live in `stretches`, `exercises` and `advice`; their types
and shared doses in `types`.
"""

from collections.abc import Mapping
from types import MappingProxyType

from plans.library.advice import advice_entries
from plans.library.exercises import exercise_entries
from plans.library.types import Intervention

LIBRARY: tuple[Intervention, ...] = (*exercise_entries(), *advice_entries())


def _index(entries: tuple[Intervention, ...]) -> Mapping[str, Intervention]:
    by_slug: dict[str, Intervention] = {}
    for entry in entries:
        if entry.slug in by_slug:
            raise ValueError(f"Duplicate intervention slug: {entry.slug}")
        by_slug[entry.slug] = entry
    return MappingProxyType(by_slug)


BY_SLUG: Mapping[str, Intervention] = _index(LIBRARY)


def get(slug: str) -> Intervention:
    """The entry with this slug; KeyError if unknown."""
    return BY_SLUG[slug]
