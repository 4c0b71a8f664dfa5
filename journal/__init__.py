"""Incident Journal core: encrypted storage, records, bundles, CLI.

This package never imports Qt (tests/test_architecture.py enforces it), so the
whole journal can be used, tested and recovered without a GUI.
"""

__version__ = "0.1.0"
