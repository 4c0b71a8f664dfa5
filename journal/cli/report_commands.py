"""Placeholder: filled in by the reports feature."""


def register(sub) -> None:
    pass
