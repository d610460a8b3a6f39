"""Ingestion readers: uploaded files and fetched pages → ``ParsedArticle`` records.

Pure Python (no Django imports); the import services in ``articles`` call these functions.
"""

from .columns import FIELDS, PRESETS, ColumnMapping
from .decode import decode_bytes
from .dedup import NearDuplicateIndex, content_hash
from .dispatch import FORMATS, ReadResult, detect_format, iter_records, read_file
from .errors import IngestionError, Rejection
from .fetch import FetchPolicy, FetchResult, fetch_url, read_fetched
from .language import detect_language
from .limits import DEFAULT_LIMITS, Limits
from .normalize import map_span, normalize_text, normalize_with_map
from .preview import Preview, preview
from .records import ParsedArticle, Span

__all__ = [
    "DEFAULT_LIMITS",
    "FIELDS",
    "FORMATS",
    "PRESETS",
    "ColumnMapping",
    "FetchPolicy",
    "FetchResult",
    "IngestionError",
    "Limits",
    "NearDuplicateIndex",
    "ParsedArticle",
    "Preview",
    "ReadResult",
    "Rejection",
    "Span",
    "content_hash",
    "decode_bytes",
    "detect_format",
    "detect_language",
    "fetch_url",
    "iter_records",
    "map_span",
    "normalize_text",
    "normalize_with_map",
    "preview",
    "read_fetched",
    "read_file",
]
