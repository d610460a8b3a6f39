"""Column mappings for CSV/TSV: presets, the workspace's saved ones, and saving new ones."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from accounts.models import User, Workspace
from articles.ingestion import FIELDS, PRESETS, ColumnMapping
from articles.models import SavedColumnMapping


def mapping_choices(*, workspace: Workspace) -> list[tuple[str, str]]:
    """(key, label) for a select: automatic guess, presets, then saved mappings."""
    choices = [("", "Recognise columns automatically")]
    choices += [(f"preset:{key}", preset.name) for key, preset in PRESETS.items()]
    choices += [
        (f"saved:{m.pk}", f"Saved: {m.name}") for m in workspace.column_mappings.order_by("name")
    ]
    return choices


def mapping_resolve(*, workspace: Workspace, key: str) -> ColumnMapping | None:
    """The mapping a select value names; None means guess from the headers."""
    if not key:
        return None
    kind, _, name = key.partition(":")
    if kind == "preset" and name in PRESETS:
        return PRESETS[name]
    if kind == "saved" and name.isdigit():
        saved = workspace.column_mappings.filter(pk=int(name)).first()
        if saved is not None:
            return ColumnMapping.from_dict({"name": saved.name, "columns": saved.columns})
    raise ValidationError("Unknown column mapping.")


def mapping_from_columns(columns: dict[str, str], *, name: str = "") -> ColumnMapping:
    """A mapping from a form: field -> column, blanks dropped; a text column is required."""
    chosen = {f: c for f, c in columns.items() if f in FIELDS and c}
    if "text" not in chosen:
        raise ValidationError("Choose the column that holds the article text.")
    return ColumnMapping(columns=chosen, name=name)


def mapping_save(
    *, workspace: Workspace, name: str, mapping: ColumnMapping, user: User | None
) -> SavedColumnMapping:
    """Save (or overwrite, by name) a mapping for reuse in the workspace."""
    name = " ".join(name.split())[:100]
    saved = SavedColumnMapping.objects.filter(workspace=workspace, name=name).first()
    saved = saved or SavedColumnMapping(workspace=workspace, name=name, created_by=user)
    saved.columns = dict(mapping.columns)
    saved.full_clean()
    saved.save()
    return saved


def label_mapping_save(
    *, workspace: Workspace, choices: dict[str, str], known: set[str], user: User | None
) -> int:
    """Remember, per workspace, which of our label keys each foreign span label stands for
    ("" = drop those spans). Returns how many mappings were saved."""
    from django.utils import timezone

    from articles.models import SavedLabelMapping

    for source, target in choices.items():
        if target and target not in known:
            raise ValidationError(f"“{target}” is not a label of this workspace's codebooks.")
        SavedLabelMapping.objects.update_or_create(
            workspace=workspace,
            source=source[:120],
            defaults={"target_key": target, "created_by": user, "updated_at": timezone.now()},
        )
    return len(choices)
