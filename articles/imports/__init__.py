"""Import services: uploads, URLs and corpus files into an event, previewed, then staged.

Step 1 ``import_preview`` / ``import_url`` (``import_remap`` for CSV column mappings,
``import_reencode`` for files that are not UTF-8)
store the sources as evidence and parse them into preview items with duplicates flagged.
Step 2 ``import_commit`` applies the analyst's choices and writes staged articles in short
chunks (inline when small, else as a task), then publishes them in one UPDATE.
"""

from .command import import_path
from .jobs import import_commit, job_discard, job_restart, job_run, job_stalled, job_state
from .mappings import mapping_choices, mapping_from_columns, mapping_resolve, mapping_save
from .preview import import_preview, import_reencode, import_remap, import_url

__all__ = [
    "import_commit",
    "import_path",
    "import_preview",
    "import_reencode",
    "import_remap",
    "import_url",
    "job_discard",
    "job_restart",
    "job_run",
    "job_stalled",
    "job_state",
    "mapping_choices",
    "mapping_from_columns",
    "mapping_resolve",
    "mapping_save",
]
