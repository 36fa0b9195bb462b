"""Credit grading: scorecards, financial ratios, grades, limits and four-eyes approval."""
