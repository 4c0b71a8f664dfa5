"""journal.records."""
