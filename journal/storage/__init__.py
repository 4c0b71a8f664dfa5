"""journal.storage."""
