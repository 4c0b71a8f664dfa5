"""Passphrase strength for the first-run wizard (zxcvbn, imported on first use)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Strength:
    score: int          # 0 (guessable in seconds) .. 4 (very strong)
    warning: str        # zxcvbn's warning (English; shown as a hint)
    suggestions: tuple[str, ...]

    @property
    def weak(self) -> bool:
        return self.score < 3


def estimate(passphrase: str) -> Strength:
    """zxcvbn's estimate; only the first 100 characters are scored (it is slow on long input)."""
    if not passphrase:
        return Strength(0, "", ())
    from zxcvbn import zxcvbn  # loads word lists: keep it off the cold-start path

    result = zxcvbn(passphrase[:100])
    feedback = result.get("feedback") or {}
    return Strength(int(result["score"]), feedback.get("warning") or "", tuple(feedback.get("suggestions") or ()))
