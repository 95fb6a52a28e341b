"""Client input and validation; layouts put related fields side by side."""

import datetime
from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils import timezone

from clinic.models import Client
from clinic.models.client import EARLIEST_BIRTH_DATE
from clinic.services.clients import CLIENT_FIELDS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class ClientForm(forms.ModelForm):
    """Create or edit a client; carries the record version it was loaded at."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Client
        fields = CLIENT_FIELDS
        widgets = {
            "date_of_birth": DateInput(),
            "consent_date": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "preferred_name": "What the client likes to be called; used on handouts.",
            "consent_date": "The day the client consented to assessment and treatment.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and "version" not in self.initial:
            self.initial["version"] = self.instance.version
        self.fields["date_of_birth"].widget.attrs["max"] = self._today().isoformat()
        self.fields["consent_date"].widget.attrs["max"] = self._today().isoformat()
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(
                "Identity",
                Row(Column("given_name"), Column("family_name")),
                Row(Column("preferred_name"), Column("date_of_birth"), Column("sex")),
            ),
            Fieldset("Contact", Row(Column("email"), Column("phone"))),
            Fieldset(
                "Background",
                Row(Column("occupation"), Column("activities")),
                Row(Column("referral_source"), Column("consent_date")),
                "notes",
            ),
            "version",
        )

    @staticmethod
    def _today() -> datetime.date:
        return timezone.localdate()

    def clean_given_name(self) -> str:
        return self._required_text("given_name")

    def clean_family_name(self) -> str:
        return self._required_text("family_name")

    def _required_text(self, name: str) -> str:
        value: str = self.cleaned_data[name].strip()
        if not value:
            raise forms.ValidationError("This field is required.")
        return value

    def clean_date_of_birth(self) -> datetime.date:
        born: datetime.date = self.cleaned_data["date_of_birth"]
        if born > self._today():
            raise forms.ValidationError("The date of birth cannot be in the future.")
        if born < EARLIEST_BIRTH_DATE:
            raise forms.ValidationError(
                f"Check the year: dates before {EARLIEST_BIRTH_DATE:%Y} are not accepted."
            )
        return born

    def clean_consent_date(self) -> datetime.date | None:
        consent: datetime.date | None = self.cleaned_data.get("consent_date")
        if consent is not None and consent > self._today():
            raise forms.ValidationError("Consent cannot be recorded for a future date.")
        return consent

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        born, consent = cleaned.get("date_of_birth"), cleaned.get("consent_date")
        if born and consent and consent < born:
            self.add_error("consent_date", "Consent cannot predate the date of birth.")
        return cleaned

    def client_fields(self) -> dict[str, Any]:
        """The cleaned values the services take."""
        return {name: self.cleaned_data[name] for name in CLIENT_FIELDS if name in self.fields}


class ClientSearchForm(forms.Form):
    q = forms.CharField(
        label="Search clients",
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": "Name, or date of birth (1985-03-07 or 07/03/1985)",
                "autocomplete": "off",
            }
        ),
    )
    archived = forms.BooleanField(label="Include archived", required=False)


class ClientEraseForm(forms.Form):
    """The client's full name, typed to confirm an erasure (checked by the service)."""

    confirm_name = forms.CharField(
        label="Type the client's full name to confirm",
        max_length=201,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class SignInForm(AuthenticationForm):
    """Django's sign-in form, refusing an over-long username with a field error.

    AuthenticationForm sets the username's max_length after the field is built, so no
    length validator runs and any length reached authenticate(); django-axes then logged
    the failure in a 255-character column, a server error on PostgreSQL.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        assert isinstance(username, forms.CharField)  # noqa: S101 (narrowing for mypy)
        username.validators.append(MaxLengthValidator(username.max_length))
