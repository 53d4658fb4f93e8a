"""The analyst console: server-rendered HTML pages mounted on the API app by ``mount``."""

from watchfloor.web.app import PREFIX, mount

__all__ = ["PREFIX", "mount"]
