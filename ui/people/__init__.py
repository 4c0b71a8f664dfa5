"""ui.people."""
