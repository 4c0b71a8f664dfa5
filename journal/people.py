"""Placeholder: filled in by the people feature."""
