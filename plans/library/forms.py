"""The form for a clinic's own intervention, shared by the app's library pages and the admin."""

from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from clinic.forms.admin import ServiceErrorsMixin
from clinic.models import Clinic
from plans.library import LIBRARY, SLUG_RE, Intervention
from plans.models import DOSE_BOUNDS, ClinicIntervention

ILLUSTRATIONS = [
    ("", "None"),
    *sorted((entry.illustration, entry.name) for entry in LIBRARY if entry.illustration),
]
INTERVENTION_FIELDS: tuple[str, ...] = (
    "slug", "name", "kind", "targets", "summary", "steps", "safety", "per_side",
    "illustration", "hold_seconds", "repetitions", "sets", "times_per_day",
    "days_per_week", "active",
)  # fmt: skip
SLUG_TAKEN = "Your clinic already has an intervention with this slug."
SLUG_FORM = "Use lowercase letters and digits in words joined by single hyphens, e.g. side-plank."


class ClinicInterventionForm(ServiceErrorsMixin, forms.ModelForm):
    """A clinic's intervention: its own, or its copy of a built-in one (same slug)."""

    illustration = forms.ChoiceField(choices=ILLUSTRATIONS, required=False)

    class Meta:
        model = ClinicIntervention
        fields: tuple[str, ...] = INTERVENTION_FIELDS
        widgets = {"steps": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "slug": (
                "Use a built-in slug (for example clamshell) to replace its wording and dose "
                "for your clinic; the built-in library stays as it is. Use a new slug for an "
                "intervention of your own."
            ),
            "active": "Untick to leave it out of your clinic's library (and a built-in "
            "with the same slug with it).",
        }

    def __init__(self, *args: Any, clinic: Clinic | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if clinic is not None:
            self.instance.clinic = clinic
        # The database's sanity bounds, checked here so the message sits by the field.
        for name, (low, high) in DOSE_BOUNDS.items():
            field = self.fields[name]
            field.validators += [MinValueValidator(low), MaxValueValidator(high)]
            field.widget.attrs.update(min=low, max=high)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(
                "Intervention",
                Row(Column("name"), Column("slug"), Column("kind")),
                Row(Column("summary"), Column("targets")),
                Row(Column("steps"), Column("safety", "illustration", "per_side")),
            ),
            Fieldset(
                "Dose",
                Row(
                    Column("hold_seconds"),
                    Column("repetitions"),
                    Column("sets"),
                    Column("times_per_day"),
                    Column("days_per_week"),
                ),
            ),
            "active",
        )

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"]
        # The library's own rule (kebab-case): anything else would break the clinic's library.
        if not SLUG_RE.match(slug):
            raise forms.ValidationError(SLUG_FORM)
        clinic_id = self.instance.clinic_id or self.data.get("clinic")
        if not clinic_id:
            return slug
        taken = ClinicIntervention.objects.filter(clinic_id=clinic_id, slug=slug)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(SLUG_TAKEN)
        return slug

    def intervention_fields(self) -> dict[str, Any]:
        """The cleaned values the library services take."""
        return {name: self.cleaned_data[name] for name in INTERVENTION_FIELDS}


def initial_from_built_in(entry: Intervention) -> dict[str, Any]:
    """A built-in entry's wording and dose, to start the clinic's own copy from."""
    dose = entry.dose
    return {
        "slug": entry.slug,
        "name": entry.name,
        "kind": entry.kind.value,
        "targets": ", ".join(entry.targets),
        "summary": entry.summary,
        "steps": "\n".join(entry.steps),
        "safety": entry.safety,
        "per_side": entry.per_side,
        "illustration": entry.illustration or "",
        "hold_seconds": dose.hold_seconds,
        "repetitions": dose.repetitions,
        "sets": dose.sets,
        "times_per_day": dose.times_per_day,
        "days_per_week": dose.days_per_week,
        "active": True,
    }
