"""Logs never carry a bearer token or a citizen's phone number.

`install_log_scrubbing()` puts a filter on every handler of the root logger, so records of
every logger that propagates there are scrubbed (and on the root logger itself). The message
and its arguments are rendered once, scrubbed, and passed on as plain text; tracebacks too.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import logging.handlers
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

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


LOG_FILE = "paht-console.log"
CRASH_FILE = "crash.log"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


@contextlib.contextmanager
def logs_in(folder: Path) -> Iterator[Path]:
    """While the window runs, its log (scrubbed, rotated), its unhandled exceptions and a
    crash's Python stacks go to files in `folder`: on a workstation the program has no
    terminal, and these files are what an operator sends to support.

    A hook or fault handler someone else installed (pytest, `python -X faulthandler`) is
    left in place.
    """
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / LOG_FILE, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(_FILTER)
    root = logging.getLogger()
    root.addHandler(handler)
    previous_hook = sys.excepthook
    if previous_hook is sys.__excepthook__:
        sys.excepthook = _log_unhandled
    crash_file = None
    if not faulthandler.is_enabled():
        crash_file = (folder / CRASH_FILE).open("a", encoding="utf-8")
        faulthandler.enable(crash_file)
    try:
        yield folder
    finally:
        if crash_file is not None:
            faulthandler.disable()
            crash_file.close()
        sys.excepthook = previous_hook
        root.removeHandler(handler)
        handler.close()


def _log_unhandled(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    logging.getLogger("paht").critical("Lỗi không được xử lý", exc_info=(kind, error, trace))
