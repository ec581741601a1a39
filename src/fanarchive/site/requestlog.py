"""Logs to stderr, as text (the default) or as JSON lines for a log collector.

FANARCHIVE_LOG_FORMAT=json writes every log record as one JSON object per line, and adds one
line per request (logger `fanarchive.requests`: method, path, status, duration_ms, view),
whatever LOG_LEVEL says for the rest. Django's own errors (tracebacks of 500s) go to the same
stream, so they reach gunicorn's error log or the container's log. The default, text, logs
warnings and errors only, as before.
"""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime

FORMATS = ("text", "json")
REQUEST_LOGGER = "fanarchive.requests"
REQUEST_FIELDS = ("method", "path", "status", "duration_ms", "view")
log = logging.getLogger(REQUEST_LOGGER)


class LogFormatError(ValueError):
    """FANARCHIVE_LOG_FORMAT names no known format (message for the operator)."""


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, the request fields when the
    record has them, and the traceback when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in REQUEST_FIELDS:
            if hasattr(record, name):
                line[name] = getattr(record, name)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def logging_config(log_format: str, level: str) -> dict:
    """Django's LOGGING for FANARCHIVE_LOG_FORMAT and LOG_LEVEL; stderr in both formats."""
    log_format = (log_format or "text").strip().lower()
    if log_format not in FORMATS:
        raise LogFormatError(
            f"FANARCHIVE_LOG_FORMAT={log_format!r} is not a log format; use 'text' or 'json'"
        )
    handler: dict = {"class": "logging.StreamHandler"}  # stderr
    if log_format == "json":
        handler["formatter"] = "json"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {"console": handler},
        "root": {"handlers": ["console"], "level": level or "WARNING"},
        "loggers": {
            # Request lines only in JSON: a text console stays as quiet as it was.
            REQUEST_LOGGER: {"level": "INFO" if log_format == "json" else "WARNING"},
        },
    }


class RequestLogMiddleware:
    """One `fanarchive.requests` record per request (early in MIDDLEWARE: cached pages too)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        if log.isEnabledFor(logging.INFO):
            duration_ms = round((time.perf_counter() - started) * 1000, 2)
            match = getattr(request, "resolver_match", None)
            fields = {
                "method": request.method,
                "path": request.path,  # no query string: searches stay out of the log
                "status": response.status_code,
                "duration_ms": duration_ms,
                "view": match.view_name if match is not None else None,
            }
            log.info(
                "%s %s %s %.1f ms", request.method, request.path, response.status_code,
                duration_ms, extra=fields,
            )  # fmt: skip
        return response
