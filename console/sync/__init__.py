"""Talking to the central API: the HTTP client and the sync engine.

The names below load on first use (PEP 562): the client needs requests and the engine the
store, and the window shows before either. `console.sync.errors` stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from console.sync.client import CentralClient, ChangesPage, LoginInfo
    from console.sync.engine import SyncEngine
    from console.sync.errors import (
        ApiError,
        Conflict,
        Forbidden,
        NetworkError,
        NotFound,
        RateLimited,
        ServerError,
        Unauthorized,
        Unprocessable,
    )
    from console.sync.results import PullResult, PushResult, SyncResult

_HOMES = {
    **dict.fromkeys(("CentralClient", "ChangesPage", "LoginInfo"), "client"),
    "SyncEngine": "engine",
    **dict.fromkeys(("PullResult", "PushResult", "SyncResult"), "results"),
    **dict.fromkeys(
        (
            "ApiError",
            "Conflict",
            "Forbidden",
            "NetworkError",
            "NotFound",
            "RateLimited",
            "ServerError",
            "Unauthorized",
            "Unprocessable",
        ),
        "errors",
    ),
}

__all__ = [
    "ApiError",
    "CentralClient",
    "ChangesPage",
    "Conflict",
    "Forbidden",
    "LoginInfo",
    "NetworkError",
    "NotFound",
    "PullResult",
    "PushResult",
    "RateLimited",
    "ServerError",
    "SyncEngine",
    "SyncResult",
    "Unauthorized",
    "Unprocessable",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
