"""Relaying published results to the province's channels: what the console sends.

The central API holds the channels and the outbox (console.central.relay) and words the
message (its preview); here a draft is made of those words and of the photos a person
reviewed, and only those photos go along.
"""

from console.relay.compose import (
    Channel,
    Draft,
    RelayPhoto,
    Wording,
    clean_photo,
    draft_for,
)

__all__ = [
    "Channel",
    "Draft",
    "RelayPhoto",
    "Wording",
    "clean_photo",
    "draft_for",
]
