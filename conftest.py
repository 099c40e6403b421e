"""Test-wide settings: hypothesis profiles; modules that need optional packages.

``ci`` (default) keeps the whole suite within a few minutes on 2 cores;
``HYPOTHESIS_PROFILE=thorough`` runs many more examples for deep checks.
"""

import importlib.util
import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
    derandomize=True,
)
settings.register_profile(
    "thorough",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# augkit.torch imports torch: its docstring examples run where torch is installed
# (`make test-integration`), not in the lean `make test` venv.
collect_ignore = [] if importlib.util.find_spec("torch") else ["augkit/torch.py"]
