"""ui.safety."""
