"""Fixtures shared by the engine's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from framing.engine import credit_detector


@pytest.fixture
def rules_alone() -> Iterator[None]:
    """The credit rules' own reading, without the learned detector (tested on its own)."""
    credit_detector.use(None)
    yield
    credit_detector.use_packaged()
