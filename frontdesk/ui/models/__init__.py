"""Qt item models of the supervisor workspace (and anything else that shows tables)."""
