"""The read-only state an editor panel follows.

A panel is read-only while its entry is in the trash (the panel sets that
itself) or was received from a documenter (the editor tells every panel
through set_received_read_only). Panels implement _refresh_read_only().
"""


class FollowsReadOnly:
    _trashed = False
    _received = False

    @property
    def _read_only(self) -> bool:
        return self._trashed or self._received

    @_read_only.setter
    def _read_only(self, value: bool) -> None:
        self._trashed = value

    def set_received_read_only(self, value: bool) -> None:
        self._received = value
        self._refresh_read_only()

    def _refresh_read_only(self) -> None:  # pragma: no cover - each panel overrides
        raise NotImplementedError
