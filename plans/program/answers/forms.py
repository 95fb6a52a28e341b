"""The "Before your next visit" form on the program page: pain now and at its worst (0-10),
how the client has been since the last visit, a 0-10 score for each of their PSFS
activities and, if they like, one activity more. Every answer is optional; at least one."""

from typing import Any

from django import forms

from plans.models import PAIN_MAX, SINCE_CHOICES
from plans.models.answers import ACTIVITY_MAX, PSFS_MAX

SCALE = [(str(n), str(n)) for n in range(PAIN_MAX + 1)]
_SCORE_ERROR = "Choose a number from 0 to 10."


def _scale(label: str, help_text: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=SCALE,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "visually-hidden"}),
        error_messages={"invalid_choice": _SCORE_ERROR},
    )


class AnswersForm(forms.Form):
    """`activities`: the client's PSFS activities as last recorded, in their order."""

    pain_now = _scale("Your pain now", "0 is no pain, 10 the worst pain you can imagine.")
    pain_worst = _scale("Your worst pain in the last 24 hours", "0 no pain, 10 the worst.")
    since_last_visit = forms.ChoiceField(
        label="Since your last visit, you are",
        choices=SINCE_CHOICES,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "btn-check"}),
        error_messages={"invalid_choice": "Choose better, about the same or worse."},
    )
    new_activity = forms.CharField(
        label="An activity you find hard (optional)",
        max_length=ACTIVITY_MAX,
        required=False,
        error_messages={"max_length": f"Keep it under {ACTIVITY_MAX} characters."},
    )

    def __init__(self, *args: Any, activities: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.activities = activities
        for n, activity in enumerate(activities, 1):
            self.fields[f"psfs_{n}"] = _scale(activity, "0 unable to do it, 10 as before.")
        if len(activities) < PSFS_MAX:
            self.fields["new_score"] = _scale("How well can you do it?", "0 unable, 10 as before.")
        else:
            del self.fields["new_activity"]

    def activity_fields(self) -> list[forms.BoundField]:
        return [self[f"psfs_{n}"] for n in range(1, len(self.activities) + 1)]

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        activity, score = data.get("new_activity", "").strip(), data.get("new_score")
        if activity and score is None and "new_score" not in self.errors:
            self.add_error("new_score", "Score the activity you added, from 0 to 10.")
        if score is not None and not activity and "new_activity" not in self.errors:
            self.add_error("new_activity", "Name the activity this score is for.")
        if activity.casefold() in {name.casefold() for name in self.activities}:
            self.add_error("new_activity", "That activity is already in your list above.")
        answered = [data.get(name) for name in ("pain_now", "pain_worst", "since_last_visit")]
        answered += [data.get(f"psfs_{n}") for n in range(1, len(self.activities) + 1)]
        if not self.errors and all(value in (None, "") for value in answered) and not activity:
            raise forms.ValidationError("Answer at least one question before sending.")
        data["new_activity"] = activity
        return data

    def psfs(self) -> list[dict[str, object]]:
        """The scored activities, in order: [{"activity", "score"}] (the valid form's)."""
        data = self.cleaned_data
        scored = [
            {"activity": activity, "score": data[f"psfs_{n}"]}
            for n, activity in enumerate(self.activities, 1)
            if data.get(f"psfs_{n}") is not None
        ]
        if data.get("new_activity"):
            scored.append({"activity": data["new_activity"], "score": data["new_score"]})
        return scored
