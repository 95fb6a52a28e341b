"""The referral: what the therapist is told and what the handout says, per referral level.

Pure, no Django. docs/clinical.md "Referral levels": emergency (same day), urgent (within
days) and routine (see a doctor soon). Emergency and urgent stop the home program
(an override reason is needed to issue one); routine does not: the program goes ahead and
the handout asks the client to see their doctor soon.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from assessments.findings.core import Finding
from assessments.findings.red_flags import EMERGENCY, ROUTINE, URGENCIES, URGENT

_RED_FLAG_PREFIX = "Red flag: "


@dataclass(frozen=True)
class Referral:
    """Refer the client; emergency and urgent also stop the home program (`stops_plan`)."""

    urgency: str  # "emergency" | "urgent" | "routine"
    message: str  # for the therapist
    client_message: str  # plain words for the handout
    findings: tuple[str, ...]

    @property
    def stops_plan(self) -> bool:
        return self.urgency in (EMERGENCY, URGENT)

    @property
    def heading(self) -> str:
        """The therapist's heading for the level."""
        return HEADINGS[self.urgency]

    @property
    def client_heading(self) -> str:
        """The handout's heading for the level, in plain words."""
        return CLIENT_HEADINGS[self.urgency]


HEADINGS = {
    EMERGENCY: "Emergency: refer the client for same-day assessment",
    URGENT: "Urgent: the client should see a doctor within days",
    ROUTINE: "Routine referral: the client should see a doctor soon",
}
CLIENT_HEADINGS = {
    EMERGENCY: "Please see a doctor today",
    URGENT: "Please see a doctor in the next few days",
    ROUTINE: "Please see your doctor soon",
}
_SOON = "Please see your doctor soon."
# The client's words for a routine referral, by what called for it.
_ROUTINE_CLIENT = {
    "hip_joint_suspected": "Please see your doctor soon about your hip.",
    "red_flag_cancer": "Please see your doctor soon, as your pain has not got better in a month.",
}


def _short(title: str) -> str:
    return title.removeprefix(_RED_FLAG_PREFIX)


def referral_for(findings: Sequence[Finding]) -> Referral | None:
    """The referral at the highest level any finding calls for; None when none does."""
    referring = [f for f in findings if f.urgency]
    if not referring:
        return None
    level = max((f.urgency for f in referring), key=URGENCIES.index)
    # A stopping referral names every stopping red flag; a routine one its routine findings.
    at_level = [f for f in referring if f.stops_plan == (level != ROUTINE)]
    codes = tuple(dict.fromkeys(f.code for f in at_level))
    what = "; ".join(dict.fromkeys(_short(f.title) for f in at_level))
    if level == EMERGENCY:
        return Referral(
            urgency=EMERGENCY,
            message=(
                f"Emergency: refer for same-day assessment ({what}). Do not issue a home "
                "program; tell the client to seek medical care today."
            ),
            client_message=(
                "Please get medical help today. Go to an emergency department now. "
                "Do not start any exercises until a doctor has checked you."
            ),
            findings=codes,
        )
    if level == URGENT:
        return Referral(
            urgency=URGENT,
            message=(
                f"Urgent: refer the client to a doctor soon, within days ({what}). Do not "
                "issue a home program until a doctor has assessed them."
            ),
            client_message=(
                "Please see a doctor in the next few days about your back pain. Wait until "
                "a doctor has checked you before you start any exercises."
            ),
            findings=codes,
        )
    reasons = " ".join(dict.fromkeys(_ROUTINE_CLIENT.get(code, _SOON) for code in codes))
    return Referral(
        urgency=ROUTINE,
        message=(
            f"Routine referral: ask the client to see their doctor soon ({what}). The home "
            "program can go ahead; positions that provoke it are held back."
        ),
        client_message=(
            f"{reasons} It is not an emergency. You can keep doing the exercises in this plan."
        ),
        findings=codes,
    )
