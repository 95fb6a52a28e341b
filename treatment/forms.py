"""Input for the treatment page: the precaution screen, the rows, and a clinic's technique."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django import forms
from django.http import QueryDict

from clinic.text_limits import REASON
from treatment.checks import RowInput, check_row
from treatment.models import MINUTES_MAX, PAIN_MAX, POSITION_CHOICES, SIDE_CHOICES, ClinicTechnique
from treatment.precautions import PRECAUTIONS
from treatment.regions import REGION_CHOICES
from treatment.techniques import DEPTH_CHOICES, Technique

ANSWER_CHOICES = (("yes", "Yes"), ("no", "No"))
NONE_OF_THESE = "precautions_none"  # the screen's one-action button
BLANK = ("", "—")
SELECT = {"class": "form-select form-select-sm"}
INPUT = {"class": "form-control form-control-sm"}


class PrecautionScreenForm(forms.Form):
    """One yes/no per precaution (blank: not asked), and the version the editor loaded."""

    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for precaution in PRECAUTIONS:
            self.fields[precaution.code] = forms.ChoiceField(
                label=precaution.question,
                choices=ANSWER_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                help_text=precaution.means,
            )

    def answers(self) -> dict[str, str]:
        return {
            p.code: self.cleaned_data[p.code] for p in PRECAUTIONS if self.cleaned_data[p.code]
        }


class AmendReasonForm(forms.Form):
    """Why a final visit's treatment is being corrected (required)."""

    reason = forms.CharField(
        label="Reason for the amendment",
        max_length=REASON,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
        error_messages={"required": "Say why the treatment is being amended."},
    )


def none_of_these(data: QueryDict) -> QueryDict:
    """The posted data with every unanswered precaution answered no (answers given stay)."""
    filled = data.copy()
    for precaution in PRECAUTIONS:
        if not filled.get(precaution.code):
            filled[precaution.code] = "no"
    return filled


def _number(label: str, maximum: int, minimum: int = 0) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=minimum,
        max_value=maximum,
        widget=forms.NumberInput(attrs={**INPUT, "inputmode": "numeric"}),
    )


class TreatmentRowForm(forms.Form):
    """One technique given. A row left blank is skipped; "Remove" drops a saved one."""

    technique = forms.ChoiceField(label="Technique", widget=forms.Select(attrs=SELECT))
    region = forms.ChoiceField(
        label="Muscle or region",
        choices=(BLANK, *REGION_CHOICES),
        widget=forms.Select(attrs=SELECT),
    )
    side = forms.ChoiceField(
        label="Side", choices=SIDE_CHOICES, initial="both", widget=forms.Select(attrs=SELECT)
    )
    minutes = _number("Minutes", MINUTES_MAX, minimum=1)
    pressure = forms.ChoiceField(
        label="Pressure",
        choices=(BLANK, *DEPTH_CHOICES),
        required=False,
        widget=forms.Select(attrs=SELECT),
    )
    client_position = forms.ChoiceField(
        label="Client position",
        choices=(BLANK, *POSITION_CHOICES),
        required=False,
        widget=forms.Select(attrs=SELECT),
    )
    pain_before = _number("Pain before (0-10)", PAIN_MAX)
    pain_after = _number("Pain after (0-10)", PAIN_MAX)
    response_note = forms.CharField(
        label="Range or other response",
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={**INPUT, "placeholder": "e.g. hip IR 25° → 32°"}),
    )
    precaution_reason = forms.CharField(
        label="Reason (when a precaution applies)",
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs=INPUT),
    )

    def __init__(self, *args: Any, techniques: Iterable[Technique] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        technique = self.fields["technique"]
        assert isinstance(technique, forms.ChoiceField)  # noqa: S101 (narrowing for mypy)
        technique.choices = [
            BLANK,
            *((t.code, t.name) for t in techniques),
        ]
        self.conflicts: list[str] = []

    def row_input(self) -> RowInput:
        data = self.cleaned_data
        return RowInput(
            technique=data["technique"],
            region=data["region"],
            side=data["side"],
            minutes=data["minutes"],
            pressure=data["pressure"],
            client_position=data["client_position"],
            pain_before=data["pain_before"],
            pain_after=data["pain_after"],
            response_note=data["response_note"],
            precaution_reason=data["precaution_reason"],
        )


class BaseRowFormSet(forms.BaseFormSet[TreatmentRowForm]):
    def kept(self) -> list[TreatmentRowForm]:
        """The filled-in rows not marked for removal, in page order."""
        saved = self.initial_form_count()
        return [
            form
            for index, form in enumerate(self.forms)
            if (index < saved or form.has_changed())
            and not getattr(form, "cleaned_data", {}).get("DELETE")
        ]

    def check_precautions(
        self, techniques: Mapping[str, Technique], answers: Mapping[str, str]
    ) -> bool:
        """Put each row's precaution warning and missing reason next to it; True if none."""
        fine = True
        for form in self.kept():
            if form.errors:
                fine = False
                continue
            check = check_row(form.row_input(), techniques, answers)
            form.conflicts = [conflict.message for conflict in check.conflicts]
            for name, message in check.errors.items():
                form.add_error(name, message)
                fine = False
        return fine


RowFormSet = forms.formset_factory(
    TreatmentRowForm,
    formset=BaseRowFormSet,
    extra=2,
    can_delete=True,
    can_delete_extra=False,
    max_num=30,
    validate_max=True,
)


def row_formset(
    data: QueryDict | None = None,
    *,
    initial: list[dict[str, object]] | None = None,
    techniques: Iterable[Technique],
) -> BaseRowFormSet:
    """The rows' formset: the saved rows (or those posted) and two blank ones."""
    formset = RowFormSet(data, initial=initial, form_kwargs={"techniques": list(techniques)})
    assert isinstance(formset, BaseRowFormSet)  # noqa: S101 (narrowing for mypy)
    return formset


class ClinicTechniqueForm(forms.ModelForm):
    """A clinic's own technique: name, description, firmness and who is offered it."""

    class Meta:
        model = ClinicTechnique
        fields = ["name", "description", "depth", "scope", "active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "depth": "Used by the precaution screen: firm techniques are blocked by more "
            "precautions.",
            "scope": "Physiotherapists are offered both kinds; other staff the first.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["description"].help_text = "One or two sentences on what is done."

    def technique_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
