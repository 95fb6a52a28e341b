"""The intervention library: built-in entries (pure data) and each clinic's own overlay.

The public names for the rest of the code: what an entry is (`types`), every built-in
entry and the lookup (`catalogue`). A clinic's own copies and entries: `plans.library.clinic`.
"""

from plans.library.catalogue import BY_SLUG, LIBRARY, get
from plans.library.types import (
    HOME_EXERCISE_KINDS,
    MOBILITY_DOSE,
    MOBILITY_OLDER_DOSE,
    NO_DOSE,
    SLUG_RE,
    STRENGTHEN_DOSE,
    STRENGTHEN_OLDER_DOSE,
    STRETCH_DOSE,
    STRETCH_OLDER_DOSE,
    Dose,
    Intervention,
    Kind,
)

__all__ = [
    "BY_SLUG",
    "HOME_EXERCISE_KINDS",
    "LIBRARY",
    "MOBILITY_DOSE",
    "MOBILITY_OLDER_DOSE",
    "NO_DOSE",
    "SLUG_RE",
    "STRENGTHEN_DOSE",
    "STRENGTHEN_OLDER_DOSE",
    "STRETCH_DOSE",
    "STRETCH_OLDER_DOSE",
    "Dose",
    "Intervention",
    "Kind",
    "get",
]
