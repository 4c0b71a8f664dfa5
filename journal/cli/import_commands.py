"""Placeholder: filled in by the bundles feature."""


def register(sub) -> None:
    pass
