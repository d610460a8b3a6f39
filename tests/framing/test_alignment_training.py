"""Choosing the aligned-facts operating points (framing/eval/train_alignment.py): the point is
the lowest from which every higher point meets the target, so a dip of a small event's
precision curve above the first crossing does not leave the point in the dip."""

from __future__ import annotations

from framing.eval.train_alignment import _lowest_stable


def test_the_lowest_point_from_which_every_higher_point_meets_the_target_is_chosen():
    precision = {0.3: 0.85, 0.4: 0.91, 0.5: 0.87, 0.6: 0.92, 0.7: 0.95}
    assert _lowest_stable(list(precision), lambda p: precision[p] >= 0.9) == 0.6


def test_a_curve_that_meets_the_target_everywhere_gives_the_lowest_point():
    assert _lowest_stable([0.3, 0.4, 0.5], lambda p: True) == 0.3


def test_a_curve_that_never_meets_the_target_gives_the_highest_point():
    assert _lowest_stable([0.3, 0.4, 0.5], lambda p: False) == 0.5
