"""The operator's triage actions (accept, reject, merge, assign, note) and the outbox views."""

from widgets.triage.controller import TriageController, select_next_row

__all__ = ["TriageController", "select_next_row"]
