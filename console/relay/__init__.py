"""Relaying published results to the province's channels: what the console sends.

The central API holds the channels and the outbox (console.central.relay); here the message
is composed from the cache with nothing personal in it, and only reviewed photos go along.
"""

from console.relay.compose import (
    Channel,
    Draft,
    RelayPhoto,
    clean_photo,
    compose_draft,
    compose_text,
    cut_text,
)

__all__ = [
    "Channel",
    "Draft",
    "RelayPhoto",
    "clean_photo",
    "compose_draft",
    "compose_text",
    "cut_text",
]
