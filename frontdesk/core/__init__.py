"""The duty rules in plain Python: no Qt, no SQLAlchemy."""
