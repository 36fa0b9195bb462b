"""Credit grading widgets with no database work of their own: an assessment's breakdown
and a file's grade history chart (used by the customer file and the approval queue)."""

from .breakdown import AssessmentView, DimensionBars
from .history_chart import GradeHistoryChart

__all__ = ["AssessmentView", "DimensionBars", "GradeHistoryChart"]
