"""Record what Qt sends to the accessibility bridge, in process (a test helper).

PySide6 does not bind QAccessible::installUpdateHandler (it takes a C function pointer), so it
is called through ctypes on the QtGui library PySide6 loaded. While installed, every
QAccessibleEvent Qt would hand to the platform bridge (AT-SPI, UI Automation, NSAccessibility)
comes here instead, so a test sees exactly what a screen reader would be told: the event type,
its object, and the text of text insert/remove/update and announcement events.
"""

from __future__ import annotations

import ctypes
import sys
from dataclasses import dataclass, field
from pathlib import Path

import PySide6
import shiboken6
from PySide6.QtGui import (
    QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent, QAccessibleTextInsertEvent,
    QAccessibleTextRemoveEvent, QAccessibleTextUpdateEvent,
)

_SYMBOL = "_ZN11QAccessible20installUpdateHandlerEPFvP16QAccessibleEventE"  # Itanium C++ ABI (Linux, BSD)
_HANDLER_TYPE = ctypes.CFUNCTYPE(None, ctypes.c_void_p)


_OBJECT_OFFSET = 2 * ctypes.sizeof(ctypes.c_void_p)  # after the vtable pointer and the (padded) event type


def address(obj: object) -> int:
    """The C++ address of a Qt object, as recorded in Seen.object."""
    return int(shiboken6.getCppPointer(obj)[0])


@dataclass
class Seen:
    type: QAccessible.Event
    object: int  # address of the QObject the event is about (compare with address(widget))
    texts: tuple[str, ...] = ()
    politeness: QAccessible.AnnouncementPoliteness | None = None


@dataclass
class Recorder:
    events: list[Seen] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [text for event in self.events for text in event.texts]

    def of_type(self, kind: QAccessible.Event) -> list[Seen]:
        return [event for event in self.events if event.type == kind]

    def about(self, obj: object, kind: QAccessible.Event | None = None) -> list[Seen]:
        where = address(obj)
        return [event for event in self.events if event.object == where and (kind is None or event.type == kind)]

    def announcements(self) -> list[str]:
        return [event.texts[0] for event in self.of_type(QAccessible.Event.Announcement)]


def _qtgui() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    library = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Gui.so.6"
    return ctypes.CDLL(str(library)) if library.exists() else None


def available() -> bool:
    library = _qtgui()
    return library is not None and hasattr(library, _SYMBOL)


class UpdateHandler:
    """Context manager: install a recording update handler, activate accessibility, undo both."""

    def __init__(self) -> None:
        self.recorder = Recorder()
        self._library = _qtgui()
        self._callback = _HANDLER_TYPE(self._on_event)  # kept alive as long as it is installed

    def _on_event(self, pointer: int) -> None:
        # Every wrapper made here is invalidated at once: the event lives on Qt's stack and its
        # address is reused by the next one. The event's object is NOT wrapped (wrapping objects
        # from inside Qt's event delivery crashed later paints): its address is read instead
        # (QAccessibleEvent: vtable pointer, m_type, then QObject *m_object).
        event = shiboken6.wrapInstance(pointer, QAccessibleEvent)
        kind = event.type()
        shiboken6.invalidate(event)
        target = ctypes.c_void_p.from_address(pointer + _OBJECT_OFFSET).value or 0
        texts: tuple[str, ...] = ()
        politeness = None
        if kind == QAccessible.Event.TextInserted:
            insert = shiboken6.wrapInstance(pointer, QAccessibleTextInsertEvent)
            texts = (insert.textInserted(),)
            shiboken6.invalidate(insert)
        elif kind == QAccessible.Event.TextRemoved:
            remove = shiboken6.wrapInstance(pointer, QAccessibleTextRemoveEvent)
            texts = (remove.textRemoved(),)
            shiboken6.invalidate(remove)
        elif kind == QAccessible.Event.TextUpdated:
            update = shiboken6.wrapInstance(pointer, QAccessibleTextUpdateEvent)
            texts = (update.textRemoved(), update.textInserted())
            shiboken6.invalidate(update)
        elif kind == QAccessible.Event.Announcement:
            announcement = shiboken6.wrapInstance(pointer, QAccessibleAnnouncementEvent)
            texts = (announcement.message(),)
            politeness = announcement.politeness()
            shiboken6.invalidate(announcement)
        self.recorder.events.append(Seen(kind, target, texts, politeness))

    def __enter__(self) -> Recorder:
        assert self._library is not None
        self._was_active = QAccessible.isActive()
        getattr(self._library, _SYMBOL)(self._callback)
        QAccessible.setActive(True)
        return self.recorder

    def __exit__(self, *exc: object) -> None:
        assert self._library is not None
        getattr(self._library, _SYMBOL)(None)
        QAccessible.setActive(self._was_active)
