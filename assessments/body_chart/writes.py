"""Writing a visit's body chart, inside the assessment's own atomic, audited services."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError

from assessments.body_chart.regions import Mark, mark_problem, sort_marks
from assessments.models import Assessment, BodyChartMark

Change = tuple[str, str, str]  # (region, old, new): "" for none


def marks_checked(marks: Iterable[Mark]) -> tuple[Mark, ...]:
    """The marks, one per region, in the chart's order; ValidationError naming each problem.

    Checked here (in Python) as the catalogue's values are; the database's constraints
    still guard every row.
    """
    by_region: dict[str, Mark] = {}
    problems = []
    for mark in marks:
        problem = mark_problem(mark.region, mark.pain_type, mark.intensity)
        if problem:
            problems.append(problem)
        elif mark.region in by_region:
            problems.append(f"{mark.label}: marked twice.")
        by_region[mark.region] = mark
    if problems:
        raise ValidationError({"body_chart": problems})
    return sort_marks(list(by_region.values()))


def described(mark: Mark | None) -> str:
    """A mark in words, for an amendment's record: "pins and needles 4/10"."""
    return "" if mark is None else mark.words


def _still_carried(mark: Mark, existing: dict[str, BodyChartMark]) -> bool:
    """A carried mark posted back as it was: same type, today's intensity still not given."""
    row = existing.get(mark.region)
    return (
        mark.intensity is None
        and row is not None
        and row.carried_over
        and row.pain_type == mark.pain_type
    )


def marks_write(assessment: Assessment, marks: Iterable[Mark]) -> list[Change]:
    """Make the chart's rows match `marks` (the complete new chart); return each change.

    A carried-over mark stays carried until it is given today's intensity (then it is a
    change like any other) or removed; the "checked the carried values" tick does not
    confirm it, as it confirms no pain intensity (docs/assessment.md "Body chart").
    """
    existing = {row.region: row for row in assessment.chart_marks.all()}
    marks = list(marks)
    kept = {mark.region for mark in marks if _still_carried(mark, existing)}
    wanted = {
        mark.region: mark for mark in marks_checked(m for m in marks if m.region not in kept)
    }
    changes: list[Change] = []
    to_delete, to_update = [], []
    for region, row in existing.items():
        old, new = row.as_mark(), wanted.get(region)
        if region in kept:
            continue
        if new is None:
            to_delete.append(row.pk)
            changes.append((region, described(old), ""))
        elif (new.pain_type, new.intensity, False) != (
            row.pain_type,
            row.intensity,
            row.carried_over,
        ):
            row.pain_type, row.intensity, row.carried_over = new.pain_type, new.intensity, False
            to_update.append(row)
            changes.append((region, described(old), described(new)))
    added = [mark for region, mark in wanted.items() if region not in existing]
    changes += [(mark.region, "", described(mark)) for mark in added]
    to_create = [
        BodyChartMark(
            assessment=assessment,
            region=mark.region,
            pain_type=mark.pain_type,
            intensity=mark.intensity,
        )
        for mark in added
    ]
    BodyChartMark.objects.filter(pk__in=to_delete).delete()
    BodyChartMark.objects.bulk_update(to_update, ["pain_type", "intensity", "carried_over"])
    BodyChartMark.objects.bulk_create(to_create)
    return changes


def marks_copy(source: Assessment, target: Assessment) -> None:
    """Copy a visit's marks (region and pain type) to the next one, carried over: today's
    intensity is asked anew (docs/clinical.md "Follow-up visits")."""
    BodyChartMark.objects.bulk_create(
        BodyChartMark(
            assessment=target,
            region=row.region,
            pain_type=row.pain_type,
            intensity=None,
            carried_over=True,
        )
        for row in source.chart_marks.all()
    )
