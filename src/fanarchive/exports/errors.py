"""Errors the export library raises; the CLI turns them into messages and exit codes."""


class ExportError(Exception):
    """An export could not be produced (a tool is missing or a conversion failed)."""


class UnknownFormatError(ExportError, ValueError):
    """The requested download format does not exist."""
