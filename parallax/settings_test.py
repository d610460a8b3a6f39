"""Settings for the test suite: the normal settings with PARALLAX_TESTING on."""

import os

os.environ["PARALLAX_TESTING"] = "1"

from parallax.settings import *  # noqa: F403

# Tests change data beside the services between two requests and expect the second page to
# see it: every page counts (tests of the per-process check set it themselves).
PARALLAX_SUMMARY_CHECK = 0.0
