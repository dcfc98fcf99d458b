"""The video wall: the Center's work, live and read-only, with nothing personal on it."""
