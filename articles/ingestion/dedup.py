"""Duplicate detection: exact (content hash) and near (MinHash + LSH banding).

Wire copy is often republished with light edits (a new headline, a trimmed paragraph, an
outlet's own intro). Word-shingle MinHash estimates the Jaccard similarity of two texts'
shingle sets; banding turns "which stored texts are similar to this one" into a few dict
lookups instead of a comparison against every stored article.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Hashable

import numpy as np

from .normalize import normalize_text

_WORD = re.compile(r"\w+")


def content_hash(text: str) -> str:
    """Hex sha256 of the normalised text: equal for texts that differ only in whitespace/NFC."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


class NearDuplicateIndex:
    """In-memory index of texts for near-duplicate lookup, grouping copies of one story.

    ``threshold`` is the estimated Jaccard similarity (of ``shingle``-word shingles) at or above
    which ``query`` reports a match. ``num_perm`` hash functions are split into ``bands`` bands;
    the defaults surface pairs from about 0.45 similarity upwards as candidates, so a 0.5
    threshold loses few true matches.

    Texts that match are joined in one cluster (union-find) whose representative is the
    earliest text indexed: a wire story republished by many outlets is one cluster and each
    copy is reported against the original. Work per text is bounded, not proportional to the
    number of copies already indexed: a band bucket keeps at most ``bucket_cap`` texts (texts
    agreeing on a whole band are copies of one story, and the first ones stand for the rest),
    so 20,000 near-identical rows cost what 20,000 different ones do. Below the cap, as on
    ordinary data, every indexed text sharing a band is compared, as before the cap.
    """

    def __init__(
        self,
        *,
        threshold: float = 0.5,
        shingle: int = 4,
        num_perm: int = 64,
        bands: int = 16,
        bucket_cap: int = 16,
    ) -> None:
        if num_perm % bands:
            raise ValueError("num_perm must be a multiple of bands")
        self.threshold = threshold
        self.shingle = shingle
        self.bands = bands
        self.rows = num_perm // bands
        self.bucket_cap = bucket_cap
        if num_perm & (num_perm - 1):
            raise ValueError("num_perm must be a power of two")
        self._bin_shift = np.uint64(64 - num_perm.bit_length() + 1)
        self._bin_ids = np.arange(num_perm, dtype=np.uint64)
        self._bin_starts = self._bin_ids << self._bin_shift
        self._buckets: list[dict[bytes, list[Hashable]]] = [{} for _ in range(bands)]
        self._signatures: dict[Hashable, np.ndarray] = {}
        # union-find: a root is its cluster's first text
        self._parent: dict[Hashable, Hashable] = {}
        self._order: dict[Hashable, int] = {}
        self._word_hashes: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, key: object) -> bool:
        return key in self._signatures

    def add(self, key: Hashable, text: str) -> None:
        """Index ``text`` under ``key`` (keys must be unique), joining the cluster it matches."""
        self.match_and_add(key, text)

    def query(self, text: str) -> list[tuple[Hashable, float]]:
        """Clusters holding a text at least ``threshold`` similar, most similar first.

        Each cluster is reported once: by its representative when that is similar enough,
        otherwise by its most similar member found.
        """
        signature = self.signature(text)
        return [] if signature is None else self._matches(signature)

    def match_and_add(self, key: Hashable, text: str) -> list[tuple[Hashable, float]]:
        """``query(text)`` against the texts indexed so far, then ``add(key, text)``."""
        if key in self._signatures:
            raise KeyError(f"key {key!r} is already indexed")
        signature = self.signature(text)
        if signature is None:
            return []
        matches = self._matches(signature)
        self._signatures[key] = signature
        self._parent[key] = key
        self._order[key] = len(self._order)
        for match, _ in matches:
            self._union(key, match)
        for band, bucket in zip(self._band_keys(signature), self._buckets, strict=True):
            members = bucket.setdefault(band, [])
            if len(members) < self.bucket_cap:
                members.append(key)
        return matches

    def representative(self, key: Hashable) -> Hashable:
        """The earliest indexed text of ``key``'s cluster."""
        return self._find(key)

    def _matches(self, signature: np.ndarray) -> list[tuple[Hashable, float]]:
        members: dict[Hashable, dict[Hashable, None]] = {}  # candidates by cluster
        for band, bucket in zip(self._band_keys(signature), self._buckets, strict=True):
            for key in bucket.get(band, ()):
                members.setdefault(self._find(key), {})[key] = None
        if not members:
            return []
        roots = list(members)
        matches = []
        for root, similarity in zip(roots, self._similarity(roots, signature), strict=True):
            if similarity >= self.threshold:
                matches.append((root, similarity))
                continue
            # the representative is too far: the cluster's closest member found may not be
            others = [key for key in members[root] if key != root]
            if others:
                scores = self._similarity(others, signature)
                best = max(range(len(others)), key=scores.__getitem__)
                if scores[best] >= self.threshold:
                    matches.append((others[best], scores[best]))
        return sorted(matches, key=lambda item: (-item[1], str(item[0])))

    def _similarity(self, keys: list[Hashable], signature: np.ndarray) -> list[float]:
        stacked = np.stack([self._signatures[key] for key in keys])
        return (stacked == signature).mean(axis=1).tolist()

    def _find(self, key: Hashable) -> Hashable:
        parent = self._parent
        root = key
        while parent[root] != root:
            root = parent[root]
        while parent[key] != root:  # path compression
            parent[key], key = root, parent[key]
        return root

    def _union(self, a: Hashable, b: Hashable) -> None:
        a, b = self._find(a), self._find(b)
        if a != b:
            first, later = (a, b) if self._order[a] < self._order[b] else (b, a)
            self._parent[later] = first

    def signature(self, text: str) -> np.ndarray | None:
        """MinHash signature of ``text`` (None when it has no words).

        One-permutation MinHash: each shingle hash falls in one of ``num_perm`` bins by its top
        bits and each bin keeps its minimum, so a text is hashed once, not ``num_perm`` times.
        """
        shingles = self._shingle_hashes(text)
        if shingles.size == 0:
            return None
        # shingles are sorted, so each bin's minimum is the first value at or after its start
        firsts = np.searchsorted(shingles, self._bin_starts)
        present = firsts < shingles.size
        present[present] = (shingles[firsts[present]] >> self._bin_shift) == self._bin_ids[present]
        signature = np.where(present, shingles[np.minimum(firsts, shingles.size - 1)], 0)
        return _densify(signature.astype(np.uint64), present)

    def _shingle_hashes(self, text: str) -> np.ndarray:
        words = _WORD.findall(text.lower())
        if not words:
            return np.empty(0, dtype=np.uint64)
        cache = self._word_hashes
        try:
            hashes = np.array([cache[w] for w in words], dtype=np.uint64)
        except KeyError:
            for w in words:
                if w not in cache:
                    cache[w] = _word_hash(w)
            hashes = np.array([cache[w] for w in words], dtype=np.uint64)
        width = min(self.shingle, len(hashes))
        combined = hashes[: len(hashes) - width + 1].copy()
        for offset in range(1, width):
            # rotate-and-xor keeps word order significant ("a b" differs from "b a")
            combined = (combined << np.uint64(7)) | (combined >> np.uint64(57))
            combined ^= hashes[offset : len(hashes) - width + 1 + offset]
        return np.unique(_mix(combined))

    def _band_keys(self, signature: np.ndarray) -> list[bytes]:
        raw = signature.tobytes()
        step = self.rows * 8
        return [raw[i * step : (i + 1) * step] for i in range(self.bands)]


def _mix(values: np.ndarray) -> np.ndarray:
    # splitmix64 finaliser: spreads shingle hashes evenly over the bins
    values = values ^ (values >> np.uint64(30))
    values = values * np.uint64(0xBF58476D1CE4E5B9)
    values = values ^ (values >> np.uint64(27))
    values = values * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))


def _densify(signature: np.ndarray, present: np.ndarray) -> np.ndarray:
    # Empty bins (short texts) borrow the next non-empty bin's value, tagged with the distance,
    # so two texts agree on an empty bin only if they agree on the bin it borrowed from.
    if present.all():
        return signature
    filled = signature.copy()
    full = np.flatnonzero(present)
    for i in np.flatnonzero(~present):
        j = full[np.searchsorted(full, i) % full.size]
        distance = (j - i) % signature.size
        filled[i] = _mix(np.array([signature[j] + np.uint64(distance)], dtype=np.uint64))[0]
    return filled


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")
