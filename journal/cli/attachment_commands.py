"""Placeholder: filled in by the attachments feature."""


def register(sub) -> None:
    pass
