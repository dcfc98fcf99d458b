"""Talking to the central API: the HTTP client and the sync engine."""

from console.sync.client import CentralClient, ChangesPage, LoginInfo
from console.sync.engine import PullResult, PushResult, SyncEngine, SyncResult
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
