"""The administrator's tools in the console window: the central's accounts."""

from widgets.admin.dialog import AccountsDialog

__all__ = ["AccountsDialog"]
