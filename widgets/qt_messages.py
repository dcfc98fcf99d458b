"""Qt's own messages go to Python logging; the known harmless ones stay off the terminal.

Without a handler Qt writes every warning straight to stderr, and a headless or Xvfb start
prints a dozen lines about OpenGL, Vulkan and window-manager hints that the console does not
need (it falls back to software rendering and works). `install()` puts one handler in place
before the QApplication exists: a message on the allow-list below is logged at DEBUG with
its reason (seen with `paht-console -v`), every other one goes to the logger `qt` (or
`qt.<category>`) at the level its type says, so a real warning still reaches the log.

Chromium's own lines (dbus, GPU process) never pass through Qt's handler: they are quieted
at their source by the flags `widgets.app.prepare_environment` gives Chromium.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys
from dataclasses import dataclass

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")


@dataclass(frozen=True)
class Harmless:
    """A Qt message known to be harmless, and why."""

    pattern: re.Pattern[str]
    reason: str


def _harmless(pattern: str, reason: str) -> Harmless:
    return Harmless(re.compile(pattern), reason)


#: Messages matched from their start (`re.match`); only debug, info and warning messages.
HARMLESS: tuple[Harmless, ...] = (
    _harmless(
        r"This plugin does not support propagateSizeHints\(\)",
        "the offscreen platform has no window manager to pass size hints to",
    ),
    _harmless(
        r"This plugin does not support (raise\(\)|grabbing the keyboard)",
        "the offscreen platform has no window manager: an alert or a window brought to the "
        "front cannot be raised or take the keyboard there",
    ),
    _harmless(
        r"QRhiGles2: Failed to create (temporary )?context",
        "no OpenGL offscreen: the widgets fall back to the raster backing store",
    ),
    _harmless(
        r"Failed to create RHI for backend: OpenGL",
        "the same OpenGL fallback, reported again by the widget compositor",
    ),
    _harmless(
        r"This plugin does not support createPlatformVulkanInstance",
        "no Vulkan offscreen: Qt WebEngine renders the map in software",
    ),
    _harmless(
        r"QVulkanInstance: Failed to initialize Vulkan",
        "the same missing Vulkan, reported by QVulkanInstance",
    ),
    _harmless(
        r"Failed to load vulkan: ",
        "no libvulkan on this machine: Qt WebEngine uses OpenGL or software instead",
    ),
    _harmless(
        r"initInstance: No Vulkan library available",
        "the same missing libvulkan, reported by Qt's Vulkan loader",
    ),
    _harmless(
        r"Failed to create platform Vulkan instance",
        "the same missing libvulkan, reported by the platform plugin",
    ),
    _harmless(
        r"GBM is not supported with the current configuration and Vulkan is not available\. "
        r"Fallback to software rendering\.",
        "Qt WebEngine announcing its software-rendering fallback, which works",
    ),
    _harmless(
        r"GPUInfo not initialized on GpuInfoUpdate",
        "Qt WebEngine asked for GPU details before the (disabled) GPU process gave any",
    ),
    _harmless(
        r"Sandboxing disabled by user\.",
        "Qt WebEngine confirming QTWEBENGINE_DISABLE_SANDBOX=1, which root sets on purpose",
    ),
    _harmless(
        r"Unable to detect GPU vendor for device: ",
        "a software renderer (Mesa llvmpipe under Xvfb) has no GPU vendor; nothing uses it",
    ),
)

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_QUIETABLE = {QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg, QtMsgType.QtWarningMsg}


def harmless_reason(message: str) -> str | None:
    """Why `message` is harmless, or None when it is not on the allow-list."""
    for item in HARMLESS:
        if item.pattern.match(message):
            return item.reason
    return None


def logger_for(category: str | None) -> logging.Logger:
    """`qt` for Qt's default category, `qt.qpa.xcb` for qt.qpa.xcb, `qt.js` for js."""
    if not category or category == "default":
        return log
    return logging.getLogger(category if category.startswith("qt.") else f"qt.{category}")


def handle(kind: QtMsgType, context: QMessageLogContext | None, message: str) -> None:
    """The message handler: harmless messages at DEBUG, the others at their own level."""
    try:
        category = context.category if context is not None else None
        reason = harmless_reason(message) if kind in _QUIETABLE else None
        if reason is not None:
            logger_for(category).debug("%s (harmless: %s)", message, reason)
            return
        logger_for(category).log(_LEVELS.get(kind, logging.WARNING), "%s", message)
        if kind == QtMsgType.QtFatalMsg:  # Qt aborts the process when this returns
            for handler in logging.getLogger().handlers:
                handler.flush()
    except Exception:  # a handler must never raise into Qt: the message as Qt would print it
        with contextlib.suppress(Exception):
            sys.stderr.write(f"{message}\n")


def install() -> None:
    """Route Qt's messages through `handle` (call before the QApplication exists)."""
    qInstallMessageHandler(handle)


def uninstall() -> None:
    """Qt's default handler again (writes to stderr)."""
    qInstallMessageHandler(None)
