"""Listen on a real AT-SPI bus while the real app runs and a person types (tests/test_atspi_secret.py).

Run by the SYSTEM Python (it needs Debian's gir1.2-atspi-2.0 / python3-gi), inside
`dbus-run-session`, with DISPLAY set to an Xvfb:

    atspi_probe.py TYPED -- APP COMMAND...

Registers for object:text-changed (insert and delete), object:announcement and a notification's
object:state-changed:showing (what Orca speaks of ui/common/a11y.py's announce() on Linux) on the
accessibility bus, starts the app, waits until its password field is on the bus, types TYPED
with xdotool (real X key events), reads the field, presses Return (a wrong passphrase)
and listens until the error is announced, then prints one JSON object on stdout:
    {"events": [{"type", "text", "role"}...], "field_text": what the field's Text interface says,
     "field_name": its accessible name, "window_role"/"window_name": its window,
     "error": "" or what went wrong}
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

TIMEOUT_S = 60


def find(accessible, role, depth=0):
    if accessible is None or depth > 30:
        return None
    try:
        if accessible.get_role() == role:
            return accessible
        for index in range(accessible.get_child_count()):
            found = find(accessible.get_child_at_index(index), role, depth + 1)
            if found is not None:
                return found
    except GLib.Error:
        return None
    return None


def main() -> int:
    separator = sys.argv.index("--")
    typed = sys.argv[1]
    command = sys.argv[separator + 1:]
    result: dict = {"events": [], "field_text": None, "field_name": None, "error": ""}
    Atspi.init()

    def on_event(event) -> None:
        try:
            role = event.source.get_role_name() if event.source is not None else ""
        except GLib.Error:
            role = "?"
        data = event.any_data
        if event.type.startswith("object:state-changed:showing"):
            if role != "notification" or not event.detail1:
                return
            try:
                data = event.source.get_name()  # what Orca speaks: "notification" and its name
            except GLib.Error:
                data = "?"
        result["events"].append({"type": event.type, "text": data if isinstance(data, str) else repr(data),
                                 "role": role})

    def on_any(event) -> None:
        on_event(event)

    listener = Atspi.EventListener.new(on_any)
    for kind in ("object:text-changed", "object:text-changed:insert", "object:text-changed:delete",
                 "object:announcement", "object:state-changed:showing"):
        listener.register(kind)
    env = {**os.environ, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    loop = GLib.MainLoop()
    state = {"field": None, "typed_at": None, "started": time.monotonic()}

    def step() -> bool:
        if time.monotonic() - state["started"] > TIMEOUT_S:
            result["error"] = "timed out waiting for the app's password field on the bus"
            loop.quit()
            return False
        if app.poll() is not None:
            result["error"] = f"the app exited with {app.returncode}: {app.stderr.read().decode()[-2000:]}"
            loop.quit()
            return False
        if state["field"] is None:
            state["field"] = find(Atspi.get_desktop(0), Atspi.Role.PASSWORD_TEXT)
            if state["field"] is None:
                return True
            subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--class", "incident", "windowactivate",
                            "--sync"], capture_output=True, timeout=20)
            subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--class", "incident", "windowfocus",
                            "--sync"], capture_output=True, timeout=20)
            time.sleep(0.5)
            subprocess.run(["xdotool", "type", "--delay", "60", typed], check=True, timeout=60)
            state["typed_at"] = time.monotonic()
            return True
        field = state["field"]
        text_iface = field.get_text_iface()
        current = text_iface.get_text(0, -1) if text_iface is not None else None
        if state.get("submitted"):
            # Done once the error is announced (the label's announcement), or after a generous timeout.
            heard = any(event["type"] in ("object:announcement", "object:state-changed:showing")
                        and "Wrong passphrase" in event["text"] for event in result["events"])
            if heard or time.monotonic() - state["submitted"] > 45:
                time.sleep(0.5)
                loop.quit()
                return False
            return True
        if current is not None and len(current) >= len(typed) or time.monotonic() - state["typed_at"] > 15:
            time.sleep(1.0)  # let the last events arrive
            GLib.MainContext.default().iteration(False)
            result["field_text"] = current
            result["field_name"] = field.get_name()
            window = field
            while window.get_parent() is not None and window.get_parent().get_role() != Atspi.Role.APPLICATION:
                window = window.get_parent()
            result["window_role"] = window.get_role_name()
            result["window_name"] = window.get_name()
            subprocess.run(["xdotool", "key", "Return"], check=True, timeout=20)  # a wrong passphrase
            state["submitted"] = time.monotonic()
        return True

    GLib.timeout_add(200, step)
    loop.run()
    for _ in range(20):
        GLib.MainContext.default().iteration(False)
    app.terminate()
    try:
        app.wait(timeout=10)
    except subprocess.TimeoutExpired:
        app.kill()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
