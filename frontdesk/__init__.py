"""Front-desk volunteer duty manager (服務台志工值勤管理)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("frontdesk")
except PackageNotFoundError:  # running from a source tree or a frozen bundle without metadata
    __version__ = "0.1.0"

APP_NAME = "frontdesk"
APP_AUTHOR = "frontdesk"
