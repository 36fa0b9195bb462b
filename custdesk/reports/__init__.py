"""PDF audit records, laid out with ReportLab (no Qt here).

``export`` is the entry point: each call numbers, renders, fingerprints and
registers one report (``custdesk.core.exports``); ``customer``, ``schedule``,
``portfolio`` and ``trail`` each gather what one report prints and lay it out.
"""
