"""The press-tour briefing wizard (issue 6): period, figures, map, cases, photos, preview."""

from widgets.briefing.wizard import BriefingWizard

__all__ = ["BriefingWizard"]
