"""Persistence: SQLAlchemy models, engine setup, Alembic migrations, backups."""
