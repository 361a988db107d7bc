"""Text helpers that more than one layer reads: résumé dates, résumé lines and the folded
(comparable) form of a phrase."""
