"""Plan items made from library entries: the entry's wording and dose (the older-adult dose
for a client of that age), its alternatives, and an item from a rules suggestion (also
used by the benchmark's seeding, tests/bench/seeding)."""

from collections.abc import Iterable, Mapping
from typing import Any

from assessments.models import Assessment
from plans.library import BY_SLUG, Dose, Intervention
from plans.models import DOSE_FIELDS, PlanItem, PlanVersion
from plans.rules.engine import OLDER_ADULT_AGE, Suggestion


def older_client(assessment: Assessment) -> bool:
    """The older-adult dose applies: the client's age on the visit date (rules engine)."""
    age = assessment.client.age_on(assessment.visit_date)
    return age is not None and age >= OLDER_ADULT_AGE


def entry_content(entry: Intervention) -> dict[str, Any]:
    content: dict[str, Any] = {
        "name": entry.name,
        "summary": entry.summary,
        "steps": list(entry.steps),
        "safety": entry.safety,
        "illustration": entry.illustration or "",
        "per_side": entry.per_side,
    }
    # A clinic's own picture (docs/library.md, "Pictures"): kept only when there is one.
    if entry.pose is not None:
        content["pose"] = entry.pose.to_data()
    if entry.picture:
        content["picture"] = entry.picture
    return content


def dose_values(dose: Dose) -> dict[str, int | str | None]:
    return {name: getattr(dose, name) for name in DOSE_FIELDS}


def alternatives_of(
    slugs: Iterable[str], library: Mapping[str, Intervention]
) -> list[dict[str, str]]:
    return [{"slug": slug, "name": library[slug].name} for slug in slugs if slug in library]


def item_from_suggestion(
    version: PlanVersion,
    position: int,
    suggestion: Suggestion,
    library: Mapping[str, Intervention],
    *,
    older: bool = False,
) -> PlanItem:
    entry = library[suggestion.slug]
    # The rules' dose (older-adult aware) unless the clinic changed this entry's doses;
    # then the clinic's dose, or its older-adult dose for an older client.
    builtin = BY_SLUG.get(suggestion.slug)
    same = builtin is not None and (entry.dose, entry.older_dose) == (
        builtin.dose,
        builtin.older_dose,
    )
    dose = suggestion.dose if same else (entry.older_dose if older else entry.dose)
    return PlanItem(
        plan_version=version,
        position=position,
        slug=suggestion.slug,
        kind=str(entry.kind),
        side=suggestion.side,
        emphasis=suggestion.emphasis,
        content={
            **entry_content(entry),
            "alternatives": alternatives_of(
                (other.slug for other in suggestion.alternatives), library
            ),
        },
        reasons=[
            {
                "finding": reason.finding,
                "title": reason.title,
                "side": reason.side,
                "rationale": reason.rationale,
                "why": reason.why,
            }
            for reason in suggestion.reasons
        ],
        **dose_values(dose),
    )
