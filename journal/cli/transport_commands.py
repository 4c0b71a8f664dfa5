"""Placeholder: filled in by the transport integration feature."""


def register(sub) -> None:
    pass
