"""Logs never carry a bearer token or a citizen's phone number.

`install_log_scrubbing()` puts a filter on every handler of the root logger, so records of
every logger that propagates there are scrubbed (and on the root logger itself). The message
and its arguments are rendered once, scrubbed, and passed on as plain text; tracebacks too.
"""

from __future__ import annotations

import logging
import re

#: "Bearer <token>", "Authorization: <anything>", token=/password= in JSON or query strings.
_SECRETS = (
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9\-._~+/]+=*"),
    re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?)[^'\",\s}]+(?:\s+[^'\",\s}]+)?"),
    re.compile(r"(?i)((?:token|password|passwd|secret)['\"]?\s*[:=]\s*['\"]?)[^'\"&,\s}]+"),
)
#: Vietnamese phone numbers: 0xxxxxxxxx or +84 / 84 forms, with optional separators.
_PHONE = re.compile(r"(?<![\w+])(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?!\d)")
MASK = "***"


def scrub(text: str) -> str:
    """`text` with tokens, secrets and phone numbers replaced by ***."""
    for pattern in _SECRETS:
        text = pattern.sub(lambda m: m.group(1) + MASK, text)
    return _PHONE.sub(lambda m: m.group(0)[:3] + MASK, text)


class ScrubFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        return True


_FILTER = ScrubFilter()


def install_log_scrubbing(logger: logging.Logger | None = None) -> ScrubFilter:
    """Scrub every record that reaches `logger` (default: the root logger) and its handlers.

    Call it after `logging.basicConfig`; calling it twice installs nothing twice.
    """
    target = logger or logging.getLogger()
    if _FILTER not in target.filters:
        target.addFilter(_FILTER)
    for handler in target.handlers:
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)
    return _FILTER
