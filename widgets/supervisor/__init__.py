"""The supervisor's work: escalation, extension decisions, result review, the overdue board,
the dashboard and the weekly report."""

from widgets.supervisor.controller import SupervisorController
from widgets.supervisor.queue_link import show_in_queue

__all__ = ["SupervisorController", "show_in_queue"]
