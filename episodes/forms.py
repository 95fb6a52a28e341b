"""Input and validation for episodes: open one, edit it, add a goal, discharge."""

import datetime
from decimal import Decimal
from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.utils import timezone

from clinic.forms.clients import DateInput
from episodes.due import shown
from episodes.models import MAX_SESSIONS, PSFS_MAX, Episode, EpisodeGoal
from episodes.services import EDITABLE_FIELDS, EPISODE_FIELDS, GoalEdit


class EpisodeForm(forms.ModelForm):
    # Declared here for their lower bound of 1 (the model field's form field says 0).
    planned_sessions = forms.IntegerField(
        min_value=1,
        max_value=MAX_SESSIONS,
        help_text="Sessions planned for this episode (1 to 60).",
    )
    reassess_every = forms.IntegerField(
        label="Reassess every (sessions)",
        required=False,
        min_value=1,
        max_value=MAX_SESSIONS,
        help_text="Sessions between reassessments (leave empty to reassess on a date only).",
    )

    class Meta:
        model = Episode
        fields: tuple[str, ...] = EPISODE_FIELDS
        widgets = {
            "started_on": DateInput(),
            "reassess_on": DateInput(),
            "referrer_address": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "started_on" not in self.fields:  # editing: the start stays (EpisodeEditForm)
            return
        self.fields["started_on"].widget.attrs["max"] = timezone.localdate().isoformat()
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "complaint",
            Row(Column("started_on"), Column("planned_sessions")),
            Row(Column("reassess_every"), Column("reassess_on")),
            Row(Column("referrer_name"), Column("referrer_address")),
        )

    def clean_started_on(self) -> datetime.date:
        started: datetime.date = self.cleaned_data["started_on"]
        if started > timezone.localdate():
            raise forms.ValidationError("An episode starts with an assessment: not in the future.")
        return started

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        on, started = data.get("reassess_on"), data.get("started_on")
        if on is not None and started is not None and on <= started:
            self.add_error("reassess_on", "Reassess after the episode's start.")
        return data

    def episode_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in EPISODE_FIELDS}


class EpisodeEditForm(EpisodeForm):
    """An open episode's fields and its goals' targets and dates (or a goal's removal),
    carrying the episode's version it was loaded at."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta(EpisodeForm.Meta):
        fields = EDITABLE_FIELDS

    def __init__(self, *args: Any, goals: list[EpisodeGoal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        episode = self.instance
        self.goals = goals
        self.fields["version"].initial = episode.version
        rows = []
        for goal in goals:
            prefix = f"goal_{goal.pk}_"
            self.fields[prefix + "target"] = forms.DecimalField(
                label="Target score",
                min_value=Decimal(0),
                max_value=Decimal(PSFS_MAX),
                decimal_places=1,
                max_digits=3,
                initial=goal.target,
                help_text="0 (unable) to 10 (as before the problem).",
            )
            self.fields[prefix + "target_date"] = forms.DateField(
                label="Target date", widget=DateInput(), initial=goal.target_date
            )
            self.fields[prefix + "remove"] = forms.BooleanField(
                label="Remove this goal", required=False
            )
            rows.append(
                Fieldset(
                    f"Goal: {goal.activity}",
                    Row(
                        Column(prefix + "target"),
                        Column(prefix + "target_date"),
                        Column(prefix + "remove", css_class="align-self-center"),
                    ),
                )
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "version",
            "complaint",
            Row(Column("planned_sessions"), Column("reassess_every"), Column("reassess_on")),
            Row(Column("referrer_name"), Column("referrer_address")),
            *rows,
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        on, started = data.get("reassess_on"), self.instance.started_on
        if on is not None and on <= started:
            self.add_error(
                "reassess_on", f"Reassess after the episode's start ({shown(started)})."
            )
        today = timezone.localdate()
        for goal in self.goals:
            name = f"goal_{goal.pk}_target_date"
            date = data.get(name)
            if date is not None and date != goal.target_date and date < today:
                self.add_error(name, "A new target date is today or later.")
        return data

    def episode_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in EDITABLE_FIELDS}

    def goal_edits(self) -> dict[int, GoalEdit]:
        data = self.cleaned_data
        return {
            goal.pk: GoalEdit(
                target=data[f"goal_{goal.pk}_target"],
                target_date=data[f"goal_{goal.pk}_target_date"],
                remove=data[f"goal_{goal.pk}_remove"],
            )
            for goal in self.goals
        }


OTHER = "__other__"


class GoalForm(forms.Form):
    """A goal on one of the activities recorded at the latest visit, or one typed."""

    recorded = forms.ChoiceField(label="PSFS activity", required=False)
    typed = forms.CharField(
        label="or another activity",
        required=False,
        max_length=120,
        help_text="Type an activity the client has not scored yet (up to 120 characters).",
    )
    target = forms.DecimalField(
        label="Target score",
        min_value=Decimal(0),
        max_value=Decimal(PSFS_MAX),
        decimal_places=1,
        max_digits=3,
        help_text="0 (unable) to 10 (as before the problem).",
    )
    target_date = forms.DateField(widget=DateInput())

    def __init__(self, *args: Any, activities: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["recorded"]
        if isinstance(field, forms.ChoiceField):  # always: declared above
            field.choices = [
                ("", "— choose —"),
                *activities,
                (OTHER, "Another activity (type it)"),
            ]
        self.fields["target_date"].widget.attrs["min"] = timezone.localdate().isoformat()
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Row(Column("recorded"), Column("typed")), Row(Column("target"), Column("target_date"))
        )

    def clean_target_date(self) -> datetime.date:
        date: datetime.date = self.cleaned_data["target_date"]
        if date < timezone.localdate():
            raise forms.ValidationError("A target date is today or later.")
        return date

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        recorded, typed = data.get("recorded", ""), " ".join(data.get("typed", "").split())
        if recorded and recorded != OTHER and typed:
            self.add_error("typed", "Choose a recorded activity or type one, not both.")
        elif recorded and recorded != OTHER:
            data["activity"] = recorded
        elif typed:
            data["activity"] = typed
        else:
            self.add_error("recorded", "Choose the activity this goal is for, or type one.")
        return data


class DischargeForm(forms.Form):
    """The discharge: its date, a summary and, for each goal, met or not."""

    discharged_on = forms.DateField(label="Discharged on", widget=DateInput())
    summary = forms.CharField(
        label="Discharge summary",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        help_text="Outcome, advice given and any follow-up. Up to 4,000 characters.",
    )

    def __init__(
        self, *args: Any, episode: Episode, goals: list[EpisodeGoal], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.episode = episode
        self.fields["discharged_on"].initial = timezone.localdate
        for goal in goals:
            self.fields[f"goal_{goal.pk}"] = forms.TypedChoiceField(
                label=f"{goal.activity}: target {goal.target:g}/10",
                choices=[("", "— choose —"), ("yes", "Met"), ("no", "Not met")],
                coerce=lambda value: value == "yes",
            )

    def clean_discharged_on(self) -> datetime.date:
        date: datetime.date = self.cleaned_data["discharged_on"]
        if date > timezone.localdate():
            raise forms.ValidationError("A discharge date is today or earlier.")
        if date < self.episode.started_on:
            raise forms.ValidationError(
                f"The episode started on {shown(self.episode.started_on)}: discharge on or "
                "after that date."
            )
        return date

    def goals_met(self) -> dict[int, bool]:
        return {
            int(name.removeprefix("goal_")): bool(value)
            for name, value in self.cleaned_data.items()
            if name.startswith("goal_")
        }
