"""ui.exchange.transport."""
