"""Use cases: one function per thing a user does, each owning its transaction and audit entry."""
