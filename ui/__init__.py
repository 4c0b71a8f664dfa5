"""The PySide6 desktop app. Everything Qt lives in this package; `journal/` never imports it."""
