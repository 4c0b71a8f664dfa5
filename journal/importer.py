"""Placeholder: filled in by the bundles feature."""
