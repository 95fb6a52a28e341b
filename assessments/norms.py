"""Reference ranges and cut-offs (CLINICAL.md), with per-clinic overrides.

Placeholder until the norms module lands: accepts only an empty override mapping.
"""

from collections.abc import Mapping


def validate_overrides(raw: object) -> dict[str, float]:
    """Return the overrides as a name -> number mapping, or raise ValueError for the user."""
    if not isinstance(raw, Mapping):
        raise ValueError("Cut-off overrides must be a mapping of cut-off name to number.")
    if raw:
        raise ValueError(f"Unknown cut-off: {sorted(raw)[0]}.")
    return {}
