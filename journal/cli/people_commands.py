"""Placeholder: filled in by the people feature."""


def register(sub) -> None:
    pass
