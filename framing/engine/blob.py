"""The byte format of packaged models: a magic line, a JSON header and raw arrays.

No pickle, so loading a model file can never run code; deterministic (sorted keys and
arrays), so the same model always has the same bytes and the same sha256. The engine bundle
(``artifacts``) and the loaded-term tagger (``tagger``) both use it.
"""

from __future__ import annotations

import json
import struct
from typing import Any

import numpy as np


class BlobFormatError(ValueError):
    """Bytes that are not (or no longer) a model of the expected kind."""


def pack(magic: bytes, header: dict[str, Any], arrays: dict[str, np.ndarray]) -> bytes:
    """``magic``, the header (with an index of the arrays added) and the arrays' bytes."""
    blobs, offset, index = [], 0, {}
    for name in sorted(arrays):
        raw = np.ascontiguousarray(arrays[name]).tobytes()
        index[name] = {
            "dtype": arrays[name].dtype.str,
            "shape": list(arrays[name].shape),
            "offset": offset,
            "size": len(raw),
        }
        blobs.append(raw)
        offset += len(raw)
    header["arrays"] = index
    head = json.dumps(header, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return magic + struct.pack("<Q", len(head)) + head + b"".join(blobs)


def unpack(data: bytes, magic: bytes, what: str) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """(header, arrays) of ``pack`` output; the arrays are read-only views of ``data``."""
    if not data.startswith(magic) or len(data) < len(magic) + 8:
        raise BlobFormatError(f"not a Parallax {what}")
    (n,) = struct.unpack_from("<Q", data, len(magic))
    body = len(magic) + 8 + n
    try:
        header = json.loads(data[len(magic) + 8 : body].decode("utf-8"))
        arrays = {
            name: np.frombuffer(
                data,
                dtype=np.dtype(spec["dtype"]),
                offset=body + spec["offset"],
                count=int(np.prod(spec["shape"])),
            ).reshape(spec["shape"])
            for name, spec in header["arrays"].items()
        }
    except (ValueError, KeyError, UnicodeDecodeError) as exc:
        raise BlobFormatError(f"corrupt {what}: {exc}") from exc
    return header, arrays
