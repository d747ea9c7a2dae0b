"""scan write in server: PostgreSQL records a decided desk scan in one call

Revision ID: 0015
Revises: 0016
Create Date: 2026-12-01 05:50:00

A sign-in took nine round trips on PostgreSQL (BEGIN with the writers' locks, seven
statements, COMMIT): 90 ms at a city's 10 ms, and the audit chain's lock, which every desk
shares, was held from the append to the commit. The desk now reads what a scan's decision
needs in one round trip, decides it in Python with the same rules (core.attendance), and
records it with this function, called on its own (autocommit: the call is the
transaction). The function re-checks the facts the decision was made on under the
volunteer's row lock (their open record, their latest instant, their records of the day,
the version of the record it changes); when another desk changed them meanwhile it writes
nothing and returns no row, and the desk reads and decides again. Else it writes the
attendance record (its columns as the desk gives them, JSON), the scan's receipt when
given, and the audit entry, chained as frontdesk_audit_append does (migration 0012) with
the record's id put into the hashed text between `p_head` and `p_rest`; the chain's lock
is held from the append to the end of this one statement only. SQLite (one writer, no
network) is unchanged.
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0016"
branch_labels = None
depends_on = None

SIGNATURE = (
    "integer, integer, timestamptz, date, text, integer, timestamptz, json, json, "
    "timestamptz, varchar, varchar, varchar, json, json, text, text"
)

SCAN_WRITE_FUNCTION = """
CREATE FUNCTION frontdesk_scan_write(
    p_volunteer integer, p_open_id integer, p_last timestamptz, p_day date, p_day_ids text,
    p_row_id integer, p_row_version timestamptz, p_row json, p_receipt json,
    p_at timestamptz, p_actor varchar, p_action varchar, p_entity varchar,
    p_before json, p_after json, p_head text, p_rest text)
RETURNS TABLE (attendance_id integer, audit_id integer)
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
    cols text;
    rcols text;
    written integer;
    prev varchar;
    digest varchar;
BEGIN
    PERFORM 1 FROM volunteer v WHERE v.id = p_volunteer FOR NO KEY UPDATE;
    IF (SELECT a.id FROM attendance a WHERE a.volunteer_id = p_volunteer AND a.is_open)
            IS DISTINCT FROM p_open_id
        OR greatest(
            (SELECT max(a.out_at) FROM attendance a
              WHERE a.volunteer_id = p_volunteer AND a.in_at IS NOT NULL),
            (SELECT max(a.in_at) FROM attendance a
              WHERE a.volunteer_id = p_volunteer AND a.out_at IS NULL AND a.in_at IS NOT NULL)
        ) IS DISTINCT FROM p_last
        OR (SELECT string_agg(a.id::text, ',' ORDER BY a.id) FROM attendance a
              WHERE a.volunteer_id = p_volunteer AND a.day = p_day)
            IS DISTINCT FROM p_day_ids
    THEN
        RETURN;
    END IF;
    SELECT string_agg(quote_ident(k), ', ') INTO cols FROM json_object_keys(p_row) AS k;
    IF p_row_id IS NULL THEN
        BEGIN
            EXECUTE format('INSERT INTO attendance (%s) SELECT %s '
                           'FROM json_populate_record(NULL::attendance, $1) RETURNING id',
                           cols, cols)
                INTO written USING p_row;
        EXCEPTION WHEN unique_violation THEN
            RETURN;  -- another open record was written meanwhile
        END;
    ELSE
        EXECUTE format('UPDATE attendance SET (%s) = (SELECT %s '
                       'FROM json_populate_record(NULL::attendance, $1)) '
                       'WHERE id = $2 AND updated_at = $3 RETURNING id', cols, cols)
            INTO written USING p_row, p_row_id, p_row_version;
        IF written IS NULL THEN
            RETURN;
        END IF;
    END IF;
    IF p_receipt IS NOT NULL THEN
        p_receipt := (p_receipt::jsonb || jsonb_build_object('attendance_id', written))::json;
        SELECT string_agg(quote_ident(k), ', ') INTO rcols FROM json_object_keys(p_receipt) AS k;
        EXECUTE format('INSERT INTO scan_receipt (%s) SELECT %s '
                       'FROM json_populate_record(NULL::scan_receipt, $1)', rcols, rcols)
            USING p_receipt;
    END IF;
    PERFORM pg_advisory_xact_lock(1178878792);
    SELECT a.hash INTO prev FROM audit_entry a ORDER BY a.id DESC LIMIT 1;
    prev := coalesce(prev, repeat('0', 64));
    digest := encode(sha256(convert_to(
        '["' || prev || '",' || p_head || '"' || written || '",' || p_rest, 'UTF8')), 'hex');
    INSERT INTO audit_entry (at, actor, action, entity, entity_id, before, after, prev_hash, hash)
    VALUES (p_at, p_actor, p_action, p_entity, written::text, p_before, p_after, prev, digest)
    RETURNING id INTO audit_id;
    attendance_id := written;
    RETURN NEXT;
END
$fn$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute(SCAN_WRITE_FUNCTION)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute(f"DROP FUNCTION frontdesk_scan_write({SIGNATURE})")
