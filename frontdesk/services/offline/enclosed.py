"""A Database seen from inside one open transaction, so a use case that opens its own
transaction (services.attendance.scan) runs inside the caller's, and what the caller
writes next (a journal entry, a receipt) commits with it or not at all."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from frontdesk.store.db import Database


class Enclosed(Database):
    """`db` whose write() and read() hand out the one `session` already in a transaction.

    Nothing is committed here: the caller's block commits or rolls back everything. The
    engine and the rest are `db`'s own (no new connection is made).
    """

    def __init__(self, db: Database, session: Session) -> None:  # no engine of its own
        self.__dict__.update(db.__dict__)
        self._session = session

    @contextmanager
    def write(self, site: int | None = None) -> Iterator[Session]:
        # The enclosing transaction already serialises what it must (store.db.write).
        yield self._session

    @contextmanager
    def read(self) -> Iterator[Session]:
        yield self._session
