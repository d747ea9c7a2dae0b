"""Errors of the storage layer, each with a code and facts the UI/CLI put into words."""

from __future__ import annotations

from frontdesk.core.errors import FrontdeskError


class StoreError(FrontdeskError):
    """A database problem a person can understand and act on."""

    code = "store_error"


class NetworkShareRefused(StoreError):
    code = "network_share"


class DatabaseTooNew(StoreError):
    code = "database_too_new"


class DatabaseUnreachable(StoreError):
    code = "database_unreachable"


class DatabaseBusy(StoreError):
    """Another writer kept the database longer than the busy timeout (facts: seconds);
    nothing was written, trying again later may work."""

    code = "database_busy"


class DatabaseDamaged(StoreError):
    code = "database_damaged"


class NotADatabase(StoreError):
    """The file named as the database is something else (a document, a workbook...)."""

    code = "not_a_database"


class DataFolderUnusable(StoreError):
    code = "data_folder"


class DiskFull(StoreError):
    """No space left on the disk holding `folder` (facts: folder, path)."""

    code = "disk_full"


class WouldOverwriteData(StoreError):
    """An output path names the live database, its side files or its backups (facts: path,
    protected: what it would have written over)."""

    code = "would_overwrite_data"


class DeskInUse(StoreError):
    """The desk app (facts: role, kiosk or supervisor) holds the database: no restore now."""

    code = "desk_in_use"
