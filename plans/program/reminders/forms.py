"""The reminder form on the program page: the client's own address and a time of day."""

from typing import Any

from django import forms
from django.conf import settings

TIME_EXAMPLE = "07:30"


class ReminderForm(forms.Form):
    at = forms.TimeField(
        label="Remind me by email each day at",
        input_formats=["%H:%M", "%H:%M:%S", "%H.%M"],
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": f"Choose a time of day, like {TIME_EXAMPLE}.",
            "invalid": f"Enter a time of day as hours and minutes, like {TIME_EXAMPLE}.",
        },
    )
    email = forms.EmailField(
        label="Your email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter the email address to send the reminder to.",
            "invalid": "Enter an email address like name@example.com.",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The site's time zone is the clinic's (settings.TIME_ZONE, DJANGO_TIME_ZONE).
        self.fields["at"].help_text = f"Your clinic's time ({settings.TIME_ZONE})."

    def clean_at(self) -> object:
        at = self.cleaned_data["at"]
        return at.replace(second=0, microsecond=0)
