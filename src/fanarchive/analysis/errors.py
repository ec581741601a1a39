"""Errors the analysis raises for bad input, each with a message a user can act on."""


class AnalysisError(Exception):
    """Base class; `str(error)` is the message shown to the user."""

    exit_code = 1


class ReadError(AnalysisError):
    """The input cannot be read as a work (empty, binary, unreadable, too large)."""

    exit_code = 3
