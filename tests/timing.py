"""Linear-time checks for code that meets hostile input (issue 9).

A regex that backtracks or rescans from every position of a crafted input takes time that
grows with the square of its length (or worse) and holds the GIL meanwhile. These checks run a
function on an input of size n and of size 8n and compares the CPU time of this process
(other processes on a shared machine do not count): linear code takes about 8 times as long,
quadratic code 64 times. The bounds are generous (30 times, and an absolute limit) so that a
loaded machine does not make them flaky, and the sizes are chosen so that the quadratic code
they guard against exceeds the absolute limit too.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

FACTOR = 8
MAX_RATIO = 30.0
# Below this a run's time says little: another process taking the core, or an input outgrowing
# the CPU cache (a knee near 20-60 KB), can slow the larger run 20-50 times for a moment.
_FLOOR = 0.02  # seconds


def best_time(fn: Callable[[str], object], arg: str, repeats: int) -> float:
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()  # a collection inside one run would be noise, and collecting first is slow
    try:
        for _ in range(repeats):
            start = time.process_time()
            fn(arg)
            best = min(best, time.process_time() - start)
    finally:
        if enabled:
            gc.enable()
    return best


def assert_linear(
    fn: Callable[[str], object], make: Callable[[int], str], n: int, *, limit: float = 2.0
) -> None:
    """``fn(make(8 * n))`` takes under ``limit`` seconds and under 30 times ``fn(make(n))``.

    A failed comparison is measured once more before it counts: another process taking the
    core (or the cache) for a moment can slow one run down, while super-linear code is slow
    every time.
    """
    small_input, large_input = make(n), make(FACTOR * n)
    for _attempt in range(2):
        small = best_time(fn, small_input, 3)
        large = best_time(fn, large_input, 2)
        ratio = large / max(small, _FLOOR)
        if large < limit and ratio < MAX_RATIO:
            return
    assert large < limit, f"{large:.2f} s for size {FACTOR * n} (limit {limit} s)"
    assert ratio < MAX_RATIO, f"{ratio:.0f}x slower for {FACTOR}x the input ({small:.4f} s)"
