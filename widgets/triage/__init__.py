"""The operator's triage actions (accept, reject, merge, assign, note) and the outbox views."""

from widgets.triage.common import select_next_row
from widgets.triage.controller import TriageController

__all__ = ["TriageController", "select_next_row"]
