"""Placeholder: filled in by the forms feature."""
