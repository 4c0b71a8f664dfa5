"""ui.attachments."""
