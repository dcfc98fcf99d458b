"""Relay results (issue 19): compose, review photos, preview per channel, send; failed view."""

from widgets.relay.dialog import RelayDialog

__all__ = ["RelayDialog"]
