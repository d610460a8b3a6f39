"""Settings for the test suite: the normal settings with PARALLAX_TESTING on."""

import os

os.environ["PARALLAX_TESTING"] = "1"

from parallax.settings import *  # noqa: F403
