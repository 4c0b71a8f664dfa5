"""ui.entries."""
