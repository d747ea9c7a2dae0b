"""audit append in server: PostgreSQL chains an audit entry inside the server

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-01 03:50:00

Desks of different sites write at once on PostgreSQL (store.db.write(site=...)); the audit
chain they share is appended to under its own lock. Read the head, then insert, then commit
held that lock across three round trips of the network (about 30 ms at a city's 10 ms), and
32 desks saturated it. Here the writer sends its entry's canonical JSON without the previous
hash (the first element of the hashed list, store.audit.entry_hash); the server takes the
chain's lock (store.db.PG_CHAIN_LOCK_KEY), reads the head afresh (each statement of a
volatile function sees what committed before it), hashes and inserts, in one round trip.
SQLite has one writer at a time and is unchanged.
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None

APPEND_FUNCTION = """
CREATE FUNCTION frontdesk_audit_append(
    p_at timestamptz, p_actor varchar, p_action varchar, p_entity varchar,
    p_entity_id varchar, p_before json, p_after json, p_tail text)
RETURNS TABLE (entry_id integer, entry_prev varchar, entry_hash varchar)
LANGUAGE plpgsql VOLATILE AS $fn$
BEGIN
    PERFORM pg_advisory_xact_lock(1178878792);
    SELECT a.hash INTO entry_prev FROM audit_entry a ORDER BY a.id DESC LIMIT 1;
    entry_prev := coalesce(entry_prev, repeat('0', 64));
    entry_hash := encode(sha256(convert_to('["' || entry_prev || '",' || p_tail, 'UTF8')), 'hex');
    INSERT INTO audit_entry (at, actor, action, entity, entity_id, before, after, prev_hash, hash)
    VALUES (p_at, p_actor, p_action, p_entity, p_entity_id, p_before, p_after, entry_prev,
            entry_hash)
    RETURNING id INTO entry_id;
    RETURN NEXT;
END
$fn$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute(APPEND_FUNCTION)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute(
            "DROP FUNCTION frontdesk_audit_append("
            "timestamptz, varchar, varchar, varchar, varchar, json, json, text)"
        )
