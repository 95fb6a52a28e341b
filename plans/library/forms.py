"""The form for a clinic's own intervention, shared by the app's library pages and the admin."""

from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Fieldset, Layout, Row
from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.text import slugify

from assessments.findings.core import FINDING_ORDER, RED_FLAG_ORDER
from assessments.findings.text import TITLES
from clinic.forms.admin import ServiceErrorsMixin
from clinic.models import Clinic
from plans.figures import ANGLES
from plans.library import BY_SLUG, LIBRARY, SLUG_RE, Intervention
from plans.library.figure_forms import FRAMES, add_pose_fields, clean_pose, clean_upload
from plans.models import DOSE_BOUNDS, DOSE_FIELDS, OLDER_DOSE_FIELDS, ClinicIntervention
from plans.rules.engine import OLDER_ADULT_AGE

ILLUSTRATIONS = [
    ("", "None"),
    *sorted((entry.illustration, entry.name) for entry in LIBRARY if entry.illustration),
]
DOSE_NAMES: tuple[str, ...] = DOSE_FIELDS
OLDER_FIELDS: tuple[str, ...] = tuple(f"older_{name}" for name in OLDER_DOSE_FIELDS)
INTERVENTION_FIELDS: tuple[str, ...] = (
    "slug", "name", "kind", "targets", "summary", "steps", "safety", "per_side",
    "illustration", *DOSE_NAMES, *OLDER_FIELDS, "contraindications", "active",
)  # fmt: skip
# What a clinic can mark as forbidding an entry: every finding a plan rule reads (red flags
# and ordinary findings), by its title. Palpation is evidence only, never a reason.
CONTRAINDICATION_CHOICES = [(code, TITLES[code]) for code in (*RED_FLAG_ORDER, *FINDING_ORDER)]
# What the library services take: the form's model fields and the pose it composes.
SERVICE_FIELDS: tuple[str, ...] = (*INTERVENTION_FIELDS, "pose")
SLUG_TAKEN = "Your clinic already has an intervention with this slug."
NAME_TAKEN = (
    "Your clinic already has an intervention with this name (its slug {slug} is taken): "
    "change the name a little, or type a slug of your own."
)
NAME_BUILT_IN = (
    "A built-in intervention has this name (slug {slug}). To change its wording or dose, "
    "use Customise on it in the library; for one of your own, change the name a little or "
    "type a slug of your own."
)
NAME_NO_SLUG = "The name needs a letter or digit to make its slug from; or type a slug."
BOTH_PICTURE = "Either upload a new picture or remove the current one, not both."
SLUG_FORM = "Use lowercase letters and digits in words joined by single hyphens, e.g. side-plank."


class ClinicInterventionForm(ServiceErrorsMixin, forms.ModelForm):
    """A clinic's intervention: its own, or its copy of a built-in one (same slug)."""

    illustration = forms.ChoiceField(
        label="Built-in drawing",
        choices=ILLUSTRATIONS,
        required=False,
        help_text="Used when the entry has no posed figure and no picture of its own.",
    )
    contraindications = forms.MultipleChoiceField(
        label="Not suggested or added without a reason when the visit has",
        choices=CONTRAINDICATION_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "Findings that make this entry unsafe. A built-in entry keeps its own even if "
            "you untick them."
        ),
    )
    picture_upload = forms.FileField(label="Your own picture", required=False)
    remove_picture = forms.BooleanField(label="Remove your picture", required=False)

    class Meta:
        model = ClinicIntervention
        fields: tuple[str, ...] = INTERVENTION_FIELDS
        widgets = {"steps": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "slug": (
                "Leave blank to make it from the name. A built-in slug (for example "
                "clamshell) replaces that entry's wording and dose for your clinic only."
            ),
            "active": "Untick to leave it out of your clinic's library (and a built-in "
            "with the same slug with it).",
        }

    # The app's page poses the figure; the maintenance area (plans.admin) shows only the
    # form's declared fields, so there the pose is left as it is.
    with_posing = True

    def __init__(self, *args: Any, clinic: Clinic | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if clinic is not None:
            self.instance.clinic = clinic
        self.fields["slug"].required = False  # made from the name when left blank (clean)
        # The database's sanity bounds, checked here so the message sits by the field.
        for name, (low, high) in DOSE_BOUNDS.items():
            older = (f"older_{name}",) if name in OLDER_DOSE_FIELDS else ()
            for field in (self.fields[name], *(self.fields[other] for other in older)):
                field.validators += [MinValueValidator(low), MaxValueValidator(high)]
                field.widget.attrs.update(min=low, max=high)
        if self.with_posing:
            add_pose_fields(self, self.instance.pose)
        limit = settings.CLINIC_PICTURE_MAX_BYTES // 1024
        upload = self.fields["picture_upload"]
        upload.help_text = f"PNG, JPEG or SVG, up to {limit} KB; printed instead of a figure."
        upload.widget.attrs["accept"] = "image/png,image/jpeg,image/svg+xml"
        if self.with_posing and self.instance.picture_id is None:
            del self.fields["remove_picture"]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(
                "Intervention",
                Row(Column("name"), Column("slug"), Column("kind")),
                Row(Column("summary"), Column("targets")),
                Row(Column("steps"), Column("safety", "per_side")),
            ),
            Fieldset(
                "Picture",
                HTML(
                    '<p class="small text-secondary">The handout prints, first found: your '
                    "own picture, the figure you pose below, the built-in drawing.</p>"
                ),
                Row(Column("illustration"), Column(*self._picture_fields())),
                HTML('{% include "plans/library/_pose_help.html" %}'),
                *(
                    Row(Column(f"{frame}_base"), *(Column(f"{frame}_{a}") for a in ANGLES))
                    for frame in FRAMES
                ),
                HTML('{% include "plans/library/_pose_preview.html" %}'),
            ),
            Fieldset(
                "Dose",
                Row(*(Column(name) for name in OLDER_DOSE_FIELDS)),
                Row(Column("load"), Column("rest_seconds"), Column("duration_minutes")),
            ),
            Fieldset(
                f"Older-adult dose (from age {OLDER_ADULT_AGE})",
                HTML(
                    '<p class="small text-secondary">Leave blank to keep the built-in '
                    "entry's older-adult dose (for your own entry: the dose above).</p>"
                ),
                Row(*(Column(name) for name in OLDER_FIELDS)),
            ),
            Fieldset("Contraindications", "contraindications"),
            "active",
        )

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"]
        # The library's own rule (kebab-case): anything else would break the clinic's library.
        if slug and not SLUG_RE.match(slug):
            raise forms.ValidationError(SLUG_FORM)
        if slug and self._slug_taken(slug):
            raise forms.ValidationError(SLUG_TAKEN)
        return slug

    def _slug_taken(self, slug: str) -> bool:
        clinic_id = self.instance.clinic_id or self.data.get("clinic")
        if not clinic_id:
            return False
        taken = ClinicIntervention.objects.filter(clinic_id=clinic_id, slug=slug)
        return taken.exclude(pk=self.instance.pk).exists()

    def _slug_from_name(self, cleaned: dict[str, Any]) -> None:
        """A blank slug is made from the name: "Wall sit (easy)" gives wall-sit-easy.

        A made slug never takes over a built-in entry (that is what Customise is for) nor
        one of the clinic's own; the message says so by the name, where the typing was.
        """
        name = cleaned.get("name")
        if "slug" not in cleaned or cleaned["slug"] or not name:
            return
        slug = "-".join(part for part in slugify(name).replace("_", "-").split("-") if part)
        if not slug:
            self.add_error("name", NAME_NO_SLUG)
        elif slug in BY_SLUG and slug != self.initial.get("slug"):
            self.add_error("name", NAME_BUILT_IN.format(slug=slug))
        elif self._slug_taken(slug):
            self.add_error("name", NAME_TAKEN.format(slug=slug))
        else:
            cleaned["slug"] = slug

    def _picture_fields(self) -> list[str]:
        return ["picture_upload"] + (["remove_picture"] if "remove_picture" in self.fields else [])

    def clean_picture_upload(self) -> Any:
        upload = self.cleaned_data.get("picture_upload")
        return clean_upload(upload, max_bytes=settings.CLINIC_PICTURE_MAX_BYTES)

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        self._slug_from_name(cleaned)
        if self.with_posing:
            cleaned["pose"] = clean_pose(self, cleaned)
        if cleaned.get("picture_upload") and cleaned.get("remove_picture"):
            self.add_error("remove_picture", BOTH_PICTURE)
        return cleaned

    def intervention_fields(self) -> dict[str, Any]:
        """The cleaned values the library services take (the picture goes separately)."""
        names = SERVICE_FIELDS if self.with_posing else INTERVENTION_FIELDS
        return {name: self.cleaned_data[name] for name in names}


def initial_from_built_in(entry: Intervention) -> dict[str, Any]:
    """A built-in entry's wording, doses and contraindications, to start the clinic's copy."""
    dose, older = entry.dose, entry.older_dose
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
        **{f"older_{name}": getattr(older, name) for name in DOSE_NAMES},
        "contraindications": list(entry.contraindications),
        "rest_seconds": dose.rest_seconds,
        "duration_minutes": dose.duration_minutes,
        "load": dose.load,
        "active": True,
    }
