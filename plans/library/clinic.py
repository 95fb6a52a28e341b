"""A clinic's view of the library: built-ins, overlaid by the clinic's own copies and additions."""

import dataclasses

from django.db.models import F

from clinic.models import Clinic
from plans.figures import PoseError, PosePair
from plans.library import LIBRARY, Dose, Intervention, Kind
from plans.models import DOSE_FIELDS, OLDER_DOSE_FIELDS, ClinicIntervention

# The parts of a dose an older-adult dose keeps from the dose: rest, duration and load.
EXTRA_FIELDS = tuple(name for name in DOSE_FIELDS if name not in OLDER_DOSE_FIELDS)


def _dose(row: ClinicIntervention, prefix: str = "") -> Dose:
    """The row's dose, or its older-adult dose with prefix "older_"."""
    return Dose(
        **{name: getattr(row, f"{prefix}{name}") for name in OLDER_DOSE_FIELDS},
        **({} if prefix else {name: getattr(row, name) for name in EXTRA_FIELDS}),
    )


def _has_older(row: ClinicIntervention) -> bool:
    """Whether the clinic set any part of the older-adult dose."""
    return any(getattr(row, f"older_{name}") is not None for name in OLDER_DOSE_FIELDS)


def _pose(row: ClinicIntervention) -> PosePair | None:
    if not row.pose:
        return None
    try:
        return PosePair.from_data(row.pose)
    except PoseError:  # saved before a limit changed: print the entry without it
        return None


def _from_row(row: ClinicIntervention, base: Intervention | None) -> Intervention:
    """The clinic's wording, doses and picture on top of the built-in entry (or a new entry).

    Each dose left blank keeps the built-in's (a new entry's older-adult dose is its dose).
    A built-in's contraindications stay; the clinic's are added to them.
    """
    steps = tuple(line.strip() for line in row.steps.splitlines() if line.strip())
    dose, older = _dose(row), _dose(row, "older_")
    if base is not None and dose.is_empty:
        dose = base.dose
    older = dataclasses.replace(older, **{name: getattr(dose, name) for name in EXTRA_FIELDS})
    own = tuple(code for code in row.contraindications if isinstance(code, str))
    targets = tuple(t.strip() for t in row.targets.split(",") if t.strip())
    pose, picture = _pose(row), getattr(row, "picture_digest", None) or ""
    if base is not None:
        return dataclasses.replace(
            base,
            pose=pose,
            picture=picture,
            name=row.name,
            summary=row.summary or base.summary,
            steps=steps or base.steps,
            safety=row.safety or base.safety,
            targets=targets or base.targets,
            dose=dose,
            older_dose=older if _has_older(row) else base.older_dose,
            contraindications=tuple(dict.fromkeys((*base.contraindications, *own))),
        )
    return Intervention(
        slug=row.slug,
        name=row.name,
        kind=Kind(row.kind),
        targets=targets,
        steps=steps,
        safety=row.safety or "Stop if it hurts more than a mild stretch or effort.",
        dose=dose,
        older_dose=older if _has_older(row) else dose,
        per_side=row.per_side,
        contraindications=own,
        illustration=row.illustration or None,
        summary=row.summary,
        pose=pose,
        picture=picture,
    )


def library_for(clinic: Clinic) -> dict[str, Intervention]:
    """Every intervention the clinic can use, by slug, in library order then the clinic's own."""
    library = {entry.slug: entry for entry in LIBRARY}
    rows = ClinicIntervention.objects.filter(clinic=clinic).annotate(
        picture_digest=F("picture__digest")
    )
    for row in rows:
        if not row.active:
            library.pop(row.slug, None)
            continue
        library[row.slug] = _from_row(row, library.get(row.slug))
    return library


def search(library: dict[str, Intervention], query: str) -> list[Intervention]:
    """Entries whose name, summary or targets contain every word of the query."""
    words = query.lower().split()
    matches = []
    for entry in library.values():
        haystack = " ".join((entry.name, entry.summary, *entry.targets, entry.kind)).lower()
        if all(word in haystack for word in words):
            matches.append(entry)
    return sorted(matches, key=lambda entry: entry.name)
