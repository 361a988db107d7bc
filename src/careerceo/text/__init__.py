"""Text helpers that more than one layer reads: résumé dates and résumé lines."""
