"""PAHT Console's core (no Qt). `console.__version__` is read on first use, not at import."""


def __getattr__(name: str) -> str:
    if name == "__version__":
        from console.version import console_version

        return console_version()
    raise AttributeError(f"module 'console' has no attribute {name!r}")
