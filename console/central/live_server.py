"""uvicorn servers that answer the consoles held on the live channel as soon as they are told
to stop (the foreground `serve`, and each worker of `serve --workers N`)."""

from __future__ import annotations

from typing import Any

import uvicorn


class LiveServer(uvicorn.Server):
    """Answers the consoles waiting on the live channel as soon as it is told to stop, so
    their held requests do not outlast the graceful shutdown."""

    def handle_exit(self, sig: int, frame: Any) -> None:
        release_waits(self.config.app)
        super().handle_exit(sig, frame)


class WorkerServer(LiveServer):
    """A worker of `serve --workers N`: Ctrl+C reaches it and its parent's SIGTERM follows;
    the second signal must not cut the graceful stop short."""

    def handle_exit(self, sig: int, frame: Any) -> None:
        if not self.should_exit:
            super().handle_exit(sig, frame)


def release_waits(app: Any) -> None:
    """Answer every console held on `app`'s change bell now (an empty page)."""
    bell = getattr(app.state, "bell", None)
    if bell is not None:
        bell.release()
