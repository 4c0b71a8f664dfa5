"""journal.exchange."""
