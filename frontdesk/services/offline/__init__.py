"""A desk on a shared PostgreSQL server that keeps signing people in when the server is
out of reach.

- `replica`: a small SQLite file in the desk's data folder holding what a scan decision
  needs (the site's volunteers without phones, the roster and calendar around today, open
  and recent attendance, settings), refreshed when online, only the tables that changed.
- `journal`: the offline scans, written in the replica's own transaction (WAL,
  synchronous=FULL) before the answer is shown; each has a scan id.
- `upload`: one scan sent to the server through the same scan service as an online scan,
  at its original instant, received once (scan_receipt.scan_id is unique), a differing
  answer recorded and flagged for review with its reason.
- `desk`: the switch between them (a timeout, setting server_timeout_seconds), the replay
  in order when the server is back, and what the desk reports of itself (desk_state).

The scan rule itself is never copied: offline and online, a scan is decided by
services.attendance.scan (core.attendance.decide_scan), only on another database.
"""
