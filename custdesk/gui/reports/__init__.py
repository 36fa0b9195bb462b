"""PDF reports in the window: the options dialog, the preview, the 报告 page and batch export.

The reports themselves are rendered by ``custdesk.reports`` on the database thread;
these widgets only ask for options, show the bytes that were registered and write
exactly those bytes.
"""
