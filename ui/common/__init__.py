"""ui.common."""
