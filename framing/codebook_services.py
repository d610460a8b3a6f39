"""Codebook editing: every change freezes a new CodebookVersion (``codebook_version_create``),
so analyses and annotations made under an older version still name the labels they used."""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from accounts.models import User, Workspace
from framing.models import Annotation, Codebook, CodebookVersion, Label, LabelKind
from framing.services import codebook_version_create, current_version

LABEL_FIELDS = ("key", "name", "kind", "colour", "description")
MAX_IMPORT_BYTES = 1_000_000


def codebook_label_specs(*, codebook: Codebook) -> list[dict]:
    version = current_version(codebook=codebook)
    if version is None:
        return []
    return [{f: getattr(lab, f) for f in LABEL_FIELDS} for lab in version.labels.all()]


def _spec(specs: list[dict], key: str) -> dict:
    for spec in specs:
        if spec["key"] == key:
            return spec
    raise ValidationError({"key": f"The codebook has no label “{key}”."})


@transaction.atomic
def label_add(
    *,
    codebook: Codebook,
    user: User,
    name: str,
    key: str = "",
    colour: str = "#777777",
    description: str = "",
) -> CodebookVersion:
    specs = codebook_label_specs(codebook=codebook)
    key = key or slugify(name).replace("-", "_")
    if not key:
        raise ValidationError({"name": "Give the label a name with letters or digits."})
    if any(s["key"] == key for s in specs):
        raise ValidationError({"key": f"The codebook already has a label “{key}”."})
    spec = {"key": key, "name": name, "kind": codebook.kind, "colour": colour}
    specs.append({**spec, "description": description})
    return codebook_version_create(codebook=codebook, labels=specs, user=user, note=f"added {key}")


@transaction.atomic
def label_change(
    *, codebook: Codebook, user: User, key: str, name: str, colour: str, description: str
) -> CodebookVersion:
    """Rename, recolour or describe a label; its key (what engines and imports use) stays."""
    specs = codebook_label_specs(codebook=codebook)
    spec = _spec(specs, key)
    changed = [
        field
        for field, value in (("name", name), ("colour", colour), ("description", description))
        if spec[field] != value
    ]
    if not changed:
        raise ValidationError("Nothing changed.")
    spec.update(name=name, colour=colour, description=description)
    note = f"{key}: {', '.join(changed)} changed"
    return codebook_version_create(codebook=codebook, labels=specs, user=user, note=note)


@transaction.atomic
def label_retire(*, codebook: Codebook, user: User, key: str) -> CodebookVersion:
    """Drop a label from new versions; its annotations keep it (they name the old version)."""
    specs = codebook_label_specs(codebook=codebook)
    _spec(specs, key)
    remaining = [s for s in specs if s["key"] != key]
    return codebook_version_create(
        codebook=codebook, labels=remaining, user=user, note=f"retired {key}"
    )


@transaction.atomic
def label_merge(*, codebook: Codebook, user: User, source: str, target: str) -> CodebookVersion:
    """Fold ``source`` into ``target``: a new version without ``source``, and every annotation
    that had ``source`` (under any version of this codebook) now has ``target``."""
    if source == target:
        raise ValidationError({"target": "Merge a label into another one."})
    specs = codebook_label_specs(codebook=codebook)
    _spec(specs, source), _spec(specs, target)
    version = codebook_version_create(
        codebook=codebook,
        labels=[s for s in specs if s["key"] != source],
        user=user,
        note=f"merged {source} into {target}",
    )
    new_target = version.labels.get(key=target)
    Annotation.objects.filter(label__codebook_version__codebook=codebook, label__key=source).update(
        label=new_target
    )
    return version


def codebook_export(*, codebook: Codebook) -> dict:
    version = current_version(codebook=codebook)
    return {
        "format": "parallax-codebook",
        "key": codebook.key,
        "name": codebook.name,
        "kind": codebook.kind,
        "description": codebook.description,
        "version": version.number if version else 0,
        "labels": [
            {f: s[f] for f in ("key", "name", "colour", "description")}
            for s in codebook_label_specs(codebook=codebook)
        ],
    }


def parse_codebook_json(raw: bytes, *, filename: str) -> dict:
    """The codebook in an uploaded JSON file, or ValidationError naming file, label and field."""
    if len(raw) > MAX_IMPORT_BYTES:
        raise ValidationError(f"{filename}: larger than {MAX_IMPORT_BYTES:,} bytes.")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(f"{filename}: not a JSON codebook ({exc}).") from exc
    if not isinstance(data, dict) or not isinstance(data.get("labels"), list):
        raise ValidationError(f"{filename}: expected an object with a “labels” list.")
    for field in ("key", "name"):
        if not isinstance(data.get(field), str) or not data[field].strip():
            raise ValidationError(f"{filename}: field “{field}” is missing or empty.")
    if data.get("kind", LabelKind.CUSTOM) not in LabelKind.values:
        raise ValidationError(f"{filename}: kind must be one of {', '.join(LabelKind.values)}.")
    for i, label in enumerate(data["labels"], start=1):
        if not isinstance(label, dict):
            raise ValidationError(f"{filename}: label {i} is not an object.")
        for field in ("key", "name"):
            if not isinstance(label.get(field), str) or not label[field].strip():
                raise ValidationError(f"{filename}: label {i}: field “{field}” is missing.")
    return data


@transaction.atomic
def codebook_import(*, workspace: Workspace, data: dict, user: User) -> CodebookVersion:
    """A new codebook, or a new version of the workspace's codebook with the same key."""
    kind = data.get("kind") or LabelKind.CUSTOM
    codebook, created = Codebook.objects.get_or_create(
        workspace=workspace,
        key=slugify(data["key"]),
        defaults={"name": data["name"], "kind": kind, "description": data.get("description", "")},
    )
    labels = [
        {
            "key": lab["key"],
            "name": lab["name"],
            "kind": codebook.kind,
            "colour": lab.get("colour") or "#777777",
            "description": lab.get("description") or "",
        }
        for lab in data["labels"]
    ]
    for i, spec in enumerate(labels, start=1):
        try:
            Label(**spec).full_clean(exclude=["codebook_version"])
        except ValidationError as exc:
            problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
            raise ValidationError(f"label {i} ({spec['key']}): {problems}") from exc
    note = "imported" if created else "imported over the previous version"
    return codebook_version_create(codebook=codebook, labels=labels, user=user, note=note)
