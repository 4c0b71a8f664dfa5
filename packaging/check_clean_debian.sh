#!/usr/bin/env bash
# Check a Linux build on a machine with only Debian's libraries: a minimal Debian 12 made with
# debootstrap (no Python, no Qt, no X), the .deb installed with apt (which pulls in exactly its
# Depends), then as a person would run it (env -i, offscreen, English, Russian, Ukrainian):
#   - every program and Qt plugin in /opt/incident-journal finds all its libraries (ldd);
#   - incident-journal and journal print their versions, the GUI starts in ru/uk, the CLI makes a
#     journal, adds an entry and writes a PDF report;
#   - with the host's Xvfb (if installed), the GUI starts on a real X server through Qt's xcb plugin;
#   - the .tar.gz, unpacked in /tmp of the same machine, does the same.
# Needs root (chroot, mount) and debootstrap; the Debian mirror is the only download.
#   packaging/check_clean_debian.sh dist [CHROOT_DIR]
set -euo pipefail
dist="$(cd "${1:-dist}" && pwd)"
root="${2:-/var/tmp/ij-clean-debian}"
deb="$(ls "$dist"/incident-journal_*_amd64.deb | head -n1)"
tarball="$(ls "$dist"/incident-journal-*-linux-x86_64.tar.gz | head -n1)"
if [ ! -x "$root/bin/bash" ]; then
  command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
fi
xvfb_pid=""
cleanup() {
  umount "$root/proc" "$root/dev" "$root/tmp/.X11-unix" 2>/dev/null || true
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT
mount --bind /dev "$root/dev"
mount -t proc proc "$root/proc"
display=""
if command -v Xvfb >/dev/null 2>&1; then
  Xvfb :97 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
  sleep 2
  mkdir -p "$root/tmp/.X11-unix" && mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix" && display=":97"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/app.deb"
cp "$tarball" "$root/tmp/app.tar.gz"
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
  sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends /tmp/app.deb >/dev/null'
if chroot "$root" /usr/bin/python3 --version 2>/dev/null; then
  echo "check: python3 is on the clean machine: the check would not prove anything" >&2; exit 1
fi
cat > "$root/tmp/check-app.sh" <<'INNER'
#!/bin/sh
# Runs inside the clean machine: $1 is the folder of the app, $2 the directory of the commands.
set -eu
folder="$1"; bin="$2"
out=$(find "$folder" -type f \( -name '*.so*' -o -perm -u+x \) -exec sh -c 'head -c4 "$1" | grep -q ELF && ldd "$1" 2>/dev/null | grep "not found" | sed "s|^|$1: |"' _ {} \; | grep -v "$folder/_internal/[^:]*: *lib[^ ]* => not found" || true)
# Libraries the folder itself carries are found at run time through the loader's own path.
missing=""
echo "$out" | grep -q . && for lib in $(echo "$out" | awk '{print $2}' | sort -u); do
  [ -n "$(find "$folder" -name "$lib" -print -quit)" ] || missing="$missing $lib"
done
[ -z "$missing" ] || { echo "missing libraries:$missing"; exit 1; }
home=$(mktemp -d)
export HOME="$home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen JOURNAL_HOME="$home/data" JOURNAL_CONFIG_HOME="$home/config"
"$bin/incident-journal" --version
"$bin/journal" --version
for lang in ru uk; do
  JOURNAL_LANG=$lang "$bin/journal" --help | head -n1
  JOURNAL_LANG=$lang "$bin/incident-journal" --quit-when-ready 2>"$home/gui.err"
  if grep -q "Fontconfig error" "$home/gui.err"; then cat "$home/gui.err"; exit 1; fi
done
# On a real X server (the host's Xvfb, its socket bound into this machine): Qt's xcb plugin
# loads with only the system's libraries.
if [ -n "${CHECK_DISPLAY:-}" ]; then
  QT_QPA_PLATFORM=xcb DISPLAY="$CHECK_DISPLAY" "$bin/incident-journal" --quit-when-ready
fi
echo "a passphrase only for checking the build" > "$home/pass"
opts="--data-dir $home/journal --passphrase-file $home/pass"
"$bin/journal" init $opts >/dev/null
"$bin/journal" add $opts --title "Задержание у здания суда" --body "Затримано трьох людей." >/dev/null
"$bin/journal" report $opts --format pdf -o "$home/report.pdf" >/dev/null
grep -q FontFile2 "$home/report.pdf"
echo "ok: $folder"
INNER
chmod +x "$root/tmp/check-app.sh"
run() { chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin CHECK_DISPLAY="$display" "$@"; }
run /tmp/check-app.sh /opt/incident-journal /usr/bin
run sh -c 'rm -rf /tmp/tarball && mkdir /tmp/tarball && tar -xzf /tmp/app.tar.gz -C /tmp/tarball'
run /tmp/check-app.sh /tmp/tarball/incident-journal /tmp/tarball/incident-journal
echo "check_clean_debian: the .deb and the .tar.gz run on Debian 12 with only the .deb's Depends"
