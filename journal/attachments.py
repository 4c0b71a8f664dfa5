"""Placeholder: filled in by the attachments feature."""
