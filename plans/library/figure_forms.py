"""Form fields for a clinic's own picture: a posed figure (start, end) and an upload.

Used by the library form (plans.library.forms) and by the live pose preview; the posing
itself is plans.figures.posing (docs/library.md, "Posing your own exercise").
"""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from plans.figures import ANGLES, BASE_POSES, PoseChoice, PoseError, PosePair
from plans.pictures import Picture, PictureError, read_picture

FRAMES = {"start": "Start", "end": "End"}
BASE_CHOICES = [("", "No figure"), *((key, base.label) for key, base in BASE_POSES.items())]
SHORT_LABELS = {
    "hip": "hip bent",
    "knee": "knee bent",
    "hip_out": "leg out",
    "shoulder": "arm raised",
}
NEED_END = "Choose the end pose too, or “No figure” for both."
NEED_START = "Choose the start pose too, or “No figure” for both."
NEED_BASE = "Choose a pose for this frame first."


def add_pose_fields(form: forms.BaseForm, pose: Any = None) -> None:
    """A base pose and four angles (degrees, empty = as the base pose) for each frame."""
    current = PosePair.from_data(pose).to_data() if pose else {}
    for frame, label in FRAMES.items():
        base = forms.ChoiceField(label=f"{label} pose", choices=BASE_CHOICES, required=False)
        base.widget.attrs["class"] = "pose-field"
        form.fields[f"{frame}_base"] = base
        for name, (_meaning, low, high) in ANGLES.items():
            field = forms.IntegerField(
                label=f"{label}: {SHORT_LABELS[name]} (°)",
                required=False,
                min_value=low,
                max_value=high,
            )
            field.widget.attrs.update({"placeholder": "as drawn", "class": "pose-field"})
            form.fields[f"{frame}_{name}"] = field
        if frame in current:
            for name, value in current[frame].items():
                form.initial.setdefault(f"{frame}_{name}", value)


def clean_pose(form: forms.BaseForm, cleaned: dict[str, Any]) -> dict[str, Any] | None:
    """The pose data ({} for none), or None after adding errors next to the fields."""
    choices: dict[str, PoseChoice] = {}
    ok = True
    for frame in FRAMES:
        if f"{frame}_base" in form.errors:  # not a pose we know: said there already
            ok = False
            continue
        base = cleaned.get(f"{frame}_base") or ""
        angles = {name: cleaned.get(f"{frame}_{name}") for name in ANGLES}
        if not base:
            for name, value in angles.items():
                if value is not None:
                    form.add_error(f"{frame}_{name}", NEED_BASE)
                    ok = False
            continue
        try:
            choices[frame] = PoseChoice(base=base, **angles)
        except PoseError as error:
            form.add_error(f"{frame}_base", str(error))
            ok = False
    if not ok:
        return None
    if set(choices) == {"start"}:
        form.add_error("end_base", NEED_END)
        return None
    if set(choices) == {"end"}:
        form.add_error("start_base", NEED_START)
        return None
    if not choices:
        return {}
    return PosePair(start=choices["start"], end=choices["end"]).to_data()


def clean_upload(upload: UploadedFile | None, *, max_bytes: int) -> Picture | None:
    """The cleaned picture, or ValidationError with the reason (checked before reading)."""
    if upload is None:
        return None
    if upload.size is not None and upload.size > max_bytes:
        limit = max_bytes // 1024
        raise forms.ValidationError(
            f"The picture is larger than {limit} KB; please use a smaller file."
        )
    try:
        return read_picture(upload.read(max_bytes + 1), max_bytes=max_bytes)
    except PictureError as error:
        raise forms.ValidationError(str(error)) from None


class PosePreviewForm(forms.Form):
    """Only the pose fields: what the library form's live preview draws."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_pose_fields(self)

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        cleaned["pose"] = clean_pose(self, cleaned)
        return cleaned
