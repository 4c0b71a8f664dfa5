"""Placeholder: filled in by the transport integration feature."""
