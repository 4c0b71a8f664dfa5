"""ui.people.contact_log."""
