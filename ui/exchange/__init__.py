"""ui.exchange."""
