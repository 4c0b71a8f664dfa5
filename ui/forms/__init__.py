"""ui.forms."""
