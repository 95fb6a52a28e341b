"""The comparison of two visits' "Home program between these visits" block
(settings.COMPARE_VISIT_PANELS; docs/program.md "Adherence"): what the client did of the
program they followed from the earlier visit to the later one."""

from django.http import HttpRequest

from assessments.models import Assessment
from clinic.models import Client
from clinic.panels.registry import Panel
from plans.program import selectors

NOTES_SHOWN = 5


def program_between_panel(
    request: HttpRequest, client: Client, before: Assessment, after: Assessment
) -> Panel:
    programs = selectors.programs_between(
        request.user,  # type: ignore[arg-type]
        client,
        before.visit_date,
        after.visit_date,
    )
    return Panel(
        "plans/program/_between.html",
        {
            "programs": [
                {
                    "program": program,
                    "total": program.adherence.total(),
                    "exercises": [
                        (exercise, program.adherence.total(exercise.slug))
                        for exercise in program.adherence.exercises
                    ],
                    "weeks": [
                        (week, mean)
                        for week, mean in zip(
                            program.adherence.weeks, program.pain.weeks, strict=True
                        )
                    ],
                    "notes": program.notes[:NOTES_SHOWN],
                    "more_notes": max(0, len(program.notes) - NOTES_SHOWN),
                }
                for program in programs
            ],
        },
    )
