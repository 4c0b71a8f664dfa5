#!/bin/bash
# A real Orca session with the real app, to hear what a blind person hears (issue 24; docs/accessibility.md).
#
#   tools/orca_session.sh OUTDIR JOURNAL_DIR PASSPHRASE [DISPLAY]
#
# Needs Debian's orca, speech-dispatcher, at-spi2-core, python3-pyatspi, xvfb, openbox, xdotool, dbus.
# Starts a private Xvfb and, inside dbus-run-session (a private session bus, so the at-spi bus launcher
# and registry are this session's own), openbox, Orca with its debug log, and the app with
# QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1; then drives the app with xdotool as a keyboard user would and
# writes OUTDIR/steps.txt (one line per step: the time it starts and the step) and
# OUTDIR/orca-debug.txt. tools/orca_transcript.py turns the two into what Orca said at each step.
# Speech goes to speech-dispatcher's dummy module (no sound card here); Orca logs every utterance it
# sends ("SPEECH OUTPUT: ...") whether or not it can be heard.
set -u
OUT=$(realpath "$1"); JOURNAL=$(realpath "$2"); PASS=$3; DISP=${4:-:66}
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-$HERE/.venv/bin/python}
mkdir -p "$OUT/home/.config" "$OUT/run"
chmod 700 "$OUT/run"
if [ "${INNER:-}" != 1 ]; then
    Xvfb "$DISP" -screen 0 1366x768x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
    XVFB=$!
    sleep 1
    env -u DBUS_SESSION_BUS_ADDRESS -u AT_SPI_BUS_ADDRESS INNER=1 DISPLAY="$DISP" HOME="$OUT/home" \
        XDG_CONFIG_HOME="$OUT/home/.config" XDG_RUNTIME_DIR="$OUT/run" PYTHON="$PY" \
        dbus-run-session -- bash "$0" "$OUT" "$JOURNAL" "$PASS" "$DISP"
    kill "$XVFB"
    exit 0
fi

# speech-dispatcher: the dummy output module (nothing to play sound on), its log kept.
mkdir -p "$HOME/.config/speech-dispatcher"
cat >"$HOME/.config/speech-dispatcher/speechd.conf" <<EOF
LogLevel 3
LogDir "$OUT"
AddModule "dummy" "sd_dummy" ""
DefaultModule dummy
AudioOutputMethod "libao"
EOF
gsettings set org.gnome.desktop.a11y.applications screen-reader-enabled true 2>/dev/null || true
openbox >"$OUT/openbox.log" 2>&1 &
OB=$!
sleep 1
orca --replace --debug-file="$OUT/orca-debug.txt" >"$OUT/orca.log" 2>&1 &
ORCA=$!
sleep 6
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb JOURNAL_LANG="${JOURNAL_LANG:-en}" \
    "$PY" -m ui.app --data-dir "$JOURNAL" >"$OUT/app.log" 2>&1 &
APP=$!

: >"$OUT/steps.txt"
# Each step: the wall-clock time it starts (Orca's debug log stamps its lines the same way; the file
# itself is written with a delay, so its length says nothing), then what is done.
mark() {
    sleep "${2:-3}"
    echo "$(date +%H:%M:%S.%N) $1" >>"$OUT/steps.txt"
    # What the bus says is focused before the step (role, name, label, text, the line at the caret).
    echo "== $1: $(timeout 20 /usr/bin/python3 "$HERE/tools/atspi_focus.py" 2>&1 | tail -1)" >>"$OUT/focus.txt"
}
key() { xdotool key --delay 150 "$@"; }
shot() { import -window root "$OUT/$1.png" 2>/dev/null || true; }

mark "app started" 8
for _ in $(seq 30); do
    WIN=$(xdotool search --name "Incident Journal" 2>/dev/null | tail -1)
    [ -n "$WIN" ] && break
    sleep 1
done
[ -n "${WIN:-}" ] && { xdotool windowactivate "$WIN" 2>/dev/null; xdotool windowfocus "$WIN" 2>/dev/null; }
mark "lock window focused" 3
shot lock
mark "type a wrong passphrase" 0
xdotool type --delay 120 "wrong horse"
mark "press Return (wrong passphrase)" 2
key Return
mark "Tab through the lock screen (1)" 4
key Tab
mark "Tab (2)" 2
key Tab
mark "Tab (3)" 2
key Tab
mark "Tab (4)" 2
key Tab
mark "Tab (5)" 2
key Tab
mark "Shift+Tab back to the field" 2
for _ in 1 2 3 4 5; do key shift+Tab; done
mark "type the right passphrase" 3
key ctrl+a BackSpace
xdotool type --delay 60 "$PASS"
mark "press Return (right passphrase)" 2
key Return
mark "main window" 10
shot main
mark "Down in the entry list" 0
key Down
mark "Return opens the entry" 3
key Return
mark "Tab in the editor (1)" 4
key Tab
mark "Tab (2)" 2
key Tab
mark "Tab (3)" 2
key Tab
mark "F6 (1)" 2
key F6
mark "F6 (2)" 3
key F6
mark "F6 (3)" 3
key F6
mark "F6 (4)" 3
key F6
mark "type in the title (autosave after each pause)" 3
key End
xdotool type --delay 150 " (updated"
sleep 3
xdotool type --delay 150 ")"
mark "after the autosave pauses" 5
mark "Ctrl+S" 0
key ctrl+s
mark "Alt+Down in the When field: calendar" 3
key Tab
sleep 1
key alt+Down
mark "Right in the calendar" 3
key Right
mark "Escape closes the calendar" 2
key Escape
mark "Ctrl+Shift+L: contact log" 0
key ctrl+shift+l
mark "Tab in the contact log (1)" 4
key Tab
mark "Tab (2)" 2
key Tab
mark "Tab (3)" 2
key Tab
mark "Tab (4)" 2
key Tab
mark "Ctrl+Shift+E: export wizard (the card's name is asked first if none is set)" 2
shot contact-log
key ctrl+shift+e
mark "Down, Space, Space (untick and tick the only coordinator)" 5
shot export
key Down space
sleep 1
key space
mark "Alt+N: next page (what to send)" 3
key alt+n
mark "Tab in the page (1)" 4
shot export-what
key Tab
mark "Tab (2)" 2
key Tab
mark "Alt+N: next page (leave out)" 2
key alt+n
mark "Tab in the page (1)" 4
key Tab
mark "Alt+N: next page (where to save)" 2
key alt+n
mark "Tab in the page (1)" 4
shot export-where
key Tab
mark "Tab (2)" 2
key Tab
mark "Escape" 2
key Escape
mark "end" 4
shot end
kill "$APP" "$ORCA" "$OB" 2>/dev/null
sleep 1
