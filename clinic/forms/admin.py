"""Input for the clinic admin's pages: staff, branding and the audit log filters."""

import datetime
from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator

from clinic.forms.clients import DateInput
from clinic.logos import LogoError, read_logo
from clinic.models import Clinic, Membership, Profession, Role
from clinic.services.branding import BRANDING_FIELDS

TYPED_OR_LINK = "Type an initial password, or tick “Email a link to set a password”."
TYPED_AND_LINK = "Leave the password empty when a link is emailed, or untick the link."

# The audit log starts with the product; the bounds also keep "to + 1 day" computable.
AUDIT_EARLIEST = datetime.date(2000, 1, 1)
AUDIT_LATEST = datetime.date(2099, 12, 31)


class ServiceErrorsMixin:
    """Shows a service's ValidationError next to the fields it names."""

    def add_service_error(self, error: ValidationError) -> None:
        form: Any = self
        if not hasattr(error, "error_dict"):
            form.add_error(None, error)
            return
        for name, messages in error.message_dict.items():
            form.add_error(name if name in form.fields else None, messages)


def _name_fields() -> dict[str, forms.Field]:
    return {
        "first_name": forms.CharField(label="First name", max_length=150),
        "last_name": forms.CharField(label="Last name", max_length=150),
        "email": forms.EmailField(label="Email", required=False, max_length=254),
        "title": forms.CharField(
            label="Title",
            max_length=120,
            required=False,
            help_text="Shown on handouts, e.g. “Physiotherapist, BSc”.",
        ),
        "role": forms.ChoiceField(label="Role", choices=Role.choices),
        "profession": profession_field(),
    }


def profession_field() -> forms.ChoiceField:
    """The staff member's profession; a form that leaves it out keeps the saved one."""
    return forms.ChoiceField(
        label="Profession",
        choices=Profession.choices,
        initial=Profession.OTHER,
        required=False,
        help_text="Decides the hands-on techniques offered when recording a treatment.",
    )


def profession_or_kept(form: forms.BaseForm, saved: str | None) -> str:
    """The profession chosen, else the one saved (else Other): older forms do not send it."""
    chosen: str = form.cleaned_data.get("profession") or ""
    return chosen or saved or Profession.OTHER


class StaffCreateForm(ServiceErrorsMixin, forms.Form):
    """A new staff account: username, names, role and the first password."""

    username = forms.CharField(
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text="Used to sign in. Letters, digits and @ . + - _ only.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label="Initial password",
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=(
            "Give it to the new staff member in person; they can change it under "
            "Password once signed in. Or leave it empty and email them a link. "
        )
        + password_validation.password_validators_help_text_html(),
    )
    send_link = forms.BooleanField(
        label="Email a link to set a password",
        required=False,
        help_text=(
            "Instead of typing a password: they choose their own through a link sent to "
            "the email address below."
        ),
    )

    def __init__(self, *args: Any, link_expiry: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(_name_fields())
        self.fields["send_link"].help_text += f" The link works once, for {link_expiry}."
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(
                "Account",
                Row(Column("username"), Column("password", "send_link")),
            ),
            Fieldset(
                "Person",
                Row(Column("first_name"), Column("last_name")),
                Row(Column("email"), Column("title"), Column("role"), Column("profession")),
            ),
        )

    def clean_profession(self) -> str:
        return profession_or_kept(self, None)

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        # The service asks for the email a link needs; here only one way or the other.
        if cleaned.get("send_link") and cleaned.get("password"):
            self.add_error("password", TYPED_AND_LINK)
        elif not cleaned.get("send_link") and not cleaned.get("password"):
            self.add_error("password", TYPED_OR_LINK)
        return cleaned

    def staff_fields(self) -> dict[str, Any]:
        """The service's keyword arguments: no password when a link is to be emailed."""
        fields = {name: value for name, value in self.cleaned_data.items() if name != "send_link"}
        if self.cleaned_data["send_link"]:
            fields["password"] = None
        return fields


class StaffEditForm(ServiceErrorsMixin, forms.Form):
    """Names, email, title, role, and whether the account can sign in."""

    is_active = forms.BooleanField(
        label="Active (can sign in)",
        required=False,
        help_text="Untick to stop this account signing in; its records and history stay.",
    )

    def __init__(self, *args: Any, member: Membership, **kwargs: Any) -> None:
        kwargs.setdefault("initial", self.saved_values(member))
        super().__init__(*args, **kwargs)
        self.fields.update(_name_fields())
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Row(Column("first_name"), Column("last_name")),
            Row(Column("email"), Column("title"), Column("role"), Column("profession")),
            "is_active",
        )

    def clean_profession(self) -> str:
        return profession_or_kept(self, self.initial.get("profession"))

    @staticmethod
    def saved_values(member: Membership) -> dict[str, Any]:
        """The member's values as saved now, in the form's fields."""
        user = member.user
        return {
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "title": member.title,
            "role": member.role,
            "profession": member.profession,
            "is_active": user.is_active,
        }

    @classmethod
    def refusing(cls, member: Membership, error: ValidationError) -> "StaffEditForm":
        """The saved values with an action's refusal shown next to the field it names."""
        form = cls(cls.saved_values(member), member=member)
        form.is_valid()
        form.add_service_error(error)
        return form


class BrandingForm(ServiceErrorsMixin, forms.ModelForm):
    """The clinic's details as printed on handouts, its logo, and the assessment preset."""

    website = forms.URLField(required=False, assume_scheme="https", max_length=200)
    logo_upload = forms.FileField(label="New logo", required=False)
    remove_logo = forms.BooleanField(label="Remove the current logo", required=False)

    class Meta:
        model = Clinic
        fields = BRANDING_FIELDS
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "handout_footer": forms.Textarea(attrs={"rows": 3}),
            "assessment_preset": forms.RadioSelect,
        }

    def __init__(self, *args: Any, logo_limit_kb: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["logo_upload"].help_text = f"PNG or JPEG, up to {logo_limit_kb} KB."
        self.fields["logo_upload"].widget.attrs["accept"] = "image/png,image/jpeg"
        if not self.instance.has_logo:
            del self.fields["remove_logo"]
        self.helper = FormHelper()
        self.helper.form_tag = False
        logo_fields = ["logo_upload"] + (["remove_logo"] if "remove_logo" in self.fields else [])
        self.helper.layout = Layout(
            Fieldset(
                "Clinic",
                "name",
                Row(Column("address"), Column("handout_footer")),
                Row(Column("phone"), Column("email"), Column("website")),
            ),
            Fieldset(
                "Handout",
                Row(Column("paper_size"), Column(*logo_fields)),
                Row(Column("program_weeks"), Column()),
            ),
            Fieldset("Assessment page", "assessment_preset"),
        )

    def clean_logo_upload(self) -> tuple[bytes, str] | None:
        upload = self.cleaned_data.get("logo_upload")
        if upload is None:
            return None
        try:
            return read_logo(upload.read())
        except LogoError as error:
            raise ValidationError(str(error)) from None

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        if cleaned.get("logo_upload") and cleaned.get("remove_logo"):
            self.add_error("remove_logo", "Either upload a new logo or remove it, not both.")
        return cleaned

    def branding_fields(self) -> dict[str, Any]:
        """The cleaned values the branding service takes."""
        return {name: self.cleaned_data[name] for name in BRANDING_FIELDS}


def _date_field(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=DateInput(),
        validators=[MinValueValidator(AUDIT_EARLIEST), MaxValueValidator(AUDIT_LATEST)],
    )


class AuditFilterForm(forms.Form):
    """Narrow the audit log by client, staff member and days (all optional)."""

    client = forms.TypedChoiceField(label="Client", required=False, coerce=int, empty_value=None)
    client_id = forms.IntegerField(
        label="or client number",
        required=False,
        min_value=1,
        max_value=2**63 - 1,
        help_text="Erased clients appear only by number.",
    )
    user = forms.TypedChoiceField(
        label="Staff member", required=False, coerce=int, empty_value=None
    )
    date_from = _date_field("From")
    date_to = _date_field("To")

    def __init__(
        self,
        *args: Any,
        clients: list[tuple[int, str]],
        staff: list[Membership],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        client_field: Any = self.fields["client"]
        client_field.choices = [("", "Any client"), *clients]
        user_field: Any = self.fields["user"]
        user_field.choices = [
            ("", "Anyone"),
            *((m.user_id, m.user.get_full_name() or m.user.get_username()) for m in staff),
        ]

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        chosen, typed = cleaned.get("client"), cleaned.get("client_id")
        if chosen is not None and typed is not None and chosen != typed:
            self.add_error("client_id", "Choose a client or type a number, not both.")
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date is before the start date.")
        return cleaned

    def filters(self) -> dict[str, Any]:
        """The selector's keyword arguments from the cleaned values."""
        data = self.cleaned_data
        return {
            "client_id": data.get("client") or data.get("client_id"),
            "actor_id": data.get("user"),
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
        }
