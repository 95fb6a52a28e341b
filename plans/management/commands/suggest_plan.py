"""Suggest a home program for an assessment in the interchange JSON format (docs/rules.md).

Reads the file only: no database, no clinic; default cut-offs (norms.cutoffs_for(None)).
"""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assessments.findings.core import Finding, interpret
from assessments.management.interchange_file import parse_file
from assessments.norms import cutoffs_for
from plans.rules.engine import DEFAULT_LIMIT, Suggestion, Suggestions, suggest

_FINDING_SIDE = {"left": ", left", "right": ", right", "both": ", both sides"}
DOSE_FIELDS = ("hold_seconds", "repetitions", "sets", "times_per_day", "days_per_week")


def _item(suggestion: Suggestion) -> dict[str, Any]:
    dose = {name: getattr(suggestion.dose, name) for name in DOSE_FIELDS}
    return {
        "slug": suggestion.slug,
        "name": suggestion.name,
        "kind": suggestion.kind,
        "side": suggestion.side,
        "emphasis": suggestion.emphasis,
        "score": suggestion.score,
        "dose": {**dose, "text": suggestion.dose_text},
        "reasons": [
            {"finding": reason.finding, "rationale": reason.rationale, "why": reason.why}
            for reason in suggestion.reasons
        ],
        # The same slot's other entries, best first: swaps for this one.
        "alternatives": [other.slug for other in suggestion.alternatives],
    }


def as_data(findings: list[Finding], result: Suggestions) -> dict[str, Any]:
    """The command's JSON document."""
    referral = result.referral
    return {
        "findings": [{"code": f.code, "side": f.side, "severity": f.severity} for f in findings],
        "blocked": result.blocked,
        "referral": None
        if referral is None
        else {
            "urgency": referral.urgency,
            "message": referral.message,
            "client_message": referral.client_message,
            "findings": list(referral.findings),
        },
        "home": [_item(s) for s in result.home],
        "advice": [_item(s) for s in result.advice],
        "in_clinic": [_item(s) for s in result.in_clinic],
        "held_back": [
            {
                "slug": held.slug,
                "name": held.name,
                "findings": list(held.findings),
                "because": list(held.because),
            }
            for held in result.held_back
        ],
    }


def _side_label(suggestion: Suggestion) -> str:
    if suggestion.side == "none":
        return ""
    if suggestion.side == "both":
        more = f", more on the {suggestion.emphasis}" if suggestion.emphasis else ""
        return f" (both sides{more})"
    return f" ({suggestion.side} side)"


def as_text(findings: list[Finding], result: Suggestions) -> str:
    """A readable numbered list for the therapist."""
    lines = ["Findings:"]
    lines += [
        f"  - {f.title}{_FINDING_SIDE.get(f.side, '')} ({f.severity})" for f in findings
    ] or ["  (none)"]
    referral = result.referral
    if referral is not None:
        label = "RED FLAG" if referral.stops_plan else "REFERRAL"
        lines += [
            "",
            f"{label} ({referral.urgency}): {referral.message}",
            f"For the client: {referral.client_message}",
        ]
        if referral.stops_plan:
            lines.append("No home program is suggested.")
    sections = (
        ("Home exercises", result.home),
        ("Advice", result.advice),
        ("In clinic", result.in_clinic),
    )
    for heading, group in sections:
        if not group:
            continue
        lines += ["", f"{heading}:"]
        for number, suggestion in enumerate(group, start=1):
            lines.append(f"  {number}. {suggestion.name}{_side_label(suggestion)}")
            if suggestion.dose_text:
                lines.append(f"     Dose: {suggestion.dose_text}")
            for reason in suggestion.reasons:
                lines.append(f"     Because: {reason.title}: {reason.rationale}")
            if suggestion.alternatives:
                names = ", ".join(other.name for other in suggestion.alternatives)
                lines.append(f"     Or instead: {names}")
    if result.held_back:
        lines += ["", "Held back:"]
        lines += [f"  - {h.name}: {'; '.join(h.because)}" for h in result.held_back]
    if not (result.home or result.advice or result.in_clinic or result.referral):
        lines += ["", "Nothing to suggest."]
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Suggest a ranked, explained home program for an assessment in the interchange JSON "
        "format (version 1), using the default cut-offs. Prints JSON, or text with --text."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the interchange JSON document (UTF-8)")
        parser.add_argument("--text", action="store_true", help="print a readable list")
        parser.add_argument(
            "--limit",
            type=int,
            default=DEFAULT_LIMIT,
            help=f"most home exercises to suggest (default {DEFAULT_LIMIT})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        limit = options["limit"]
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise CommandError(f"--limit must be a whole number of 1 or more (got {limit!r}).")
        parsed = parse_file(
            options["file"], stderr=self.stderr, nothing_done="no plan was suggested"
        )
        findings = interpret(parsed.to_values(), cutoffs_for(None))
        result = suggest(findings, age=parsed.client.age_at_visit, limit=limit)
        if options["text"]:
            self.stdout.write(as_text(findings, result))
        else:
            self.stdout.write(json.dumps(as_data(findings, result), indent=2, ensure_ascii=False))
