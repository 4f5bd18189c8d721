#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# tests/boot/check-boot.sh -- make check-boot: the Debian package, booted.
#
#   check-boot.sh --srcdir DIR --distdir DIR --work DIR [--accel auto|kvm|tcg]
#                 [--keep]
#
# 1. builds the .deb from the distribution tree (what make dist ships)
#    with the source's debian/, and runs lintian on it (errors and
#    warnings fail);
# 2. makes or reuses a minimal Debian 12 root (tests/boot/mkroot.sh,
#    cached in /var/cache/mesokiosk-boot, or $MESOKIOSK_BOOT_CACHE);
# 3. installs the .deb into a copy of it with apt, enables
#    mesokiosk@ttyS0 (and the default instance, tty1), masks the serial
#    getty on ttyS0, and makes an ext4 image of it;
# 4. boots it with qemu and checks the kiosk from outside (boot.py).
#
# Missing tools are installed with apt-get; nothing is skipped.  Needs
# root (debootstrap, chroot), or sudo.  Prints the time of each stage.
set -eu

srcdir= distdir= work= accel=${MESOKIOSK_BOOT_ACCEL:-auto} keep=
cache=${MESOKIOSK_BOOT_CACHE:-/var/cache/mesokiosk-boot}
while [ $# -gt 0 ]; do
  case $1 in
    --srcdir) srcdir=$2; shift 2 ;;
    --distdir) distdir=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --accel) accel=$2; shift 2 ;;
    --keep) keep=yes; shift ;;
    *) echo "check-boot: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$srcdir" ] && [ -n "$distdir" ] && [ -n "$work" ] \
  || { echo "usage: check-boot.sh --srcdir DIR --distdir DIR --work DIR" >&2; exit 2; }

if [ "$(id -u)" -ne 0 ]; then
  exec sudo -E sh "$0" --srcdir "$srcdir" --distdir "$distdir" \
    --work "$work" --accel "$accel" ${keep:+--keep}
fi

start=$(date +%s)
stage_start=$start
say () { printf 'check-boot: %s\n' "$*" >&2; }
stage () {
  now=$(date +%s)
  say "$1 ($((now - stage_start)) s)"
  stage_start=$now
}

# Tools: those of the build (debian/control's Build-Depends without the
# tests'), and those of the boot.
tools="debhelper dpkg-dev lintian autopoint gettext libcrypt-dev \
libncurses-dev libunistring-dev libyaml-dev libqrencode-dev libespeak-ng-dev \
pkgconf systemd \
debootstrap qemu-system-x86 e2fsprogs python3 python3-pyte util-linux"
missing=
for p in $tools; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' \
    || missing="$missing $p"
done
if [ -n "$missing" ]; then
  say "installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing > /dev/null
fi
# Debian's python3, which has python3-pyte (not a python3 earlier in PATH).
python=/usr/bin/python3

rm -rf "$work"
mkdir -p "$work"

# 1. The package, from the distribution tree.
cp -a "$distdir" "$work/src"
cp -a "$srcdir/debian" "$work/src/debian"
(cd "$work/src" && DEB_BUILD_OPTIONS="nocheck parallel=2" \
   dpkg-buildpackage -us -uc -b -Pnocheck) > "$work/deb.log" 2>&1 \
  || { tail -n 40 "$work/deb.log" >&2; say "dpkg-buildpackage failed"; exit 1; }
deb=$(ls "$work"/mesokiosk_*_amd64.deb)
lintian --fail-on error,warning "$work"/mesokiosk_*_amd64.changes \
  > "$work/lintian.log" 2>&1 \
  || { cat "$work/lintian.log" >&2; say "lintian is not clean"; exit 1; }
stage "built $(basename "$deb"), lintian-clean"

# 2. The root.
base=$(sh "$srcdir/tests/boot/mkroot.sh" "$cache")
stage "root ready: $base"

# 3. The package installed into a copy, by apt, offline (the root's apt
# reads only the local repository made by mkroot.sh).
root=$work/root
cp -a "$base/root" "$root"
cp "$deb" "$root/tmp/"
chroot "$root" apt-get update -qq > "$work/apt.log" 2>&1 \
  && chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y \
       --no-install-recommends "/tmp/$(basename "$deb")" >> "$work/apt.log" 2>&1 \
  || { tail -n 30 "$work/apt.log" >&2; say "apt-get install of the .deb failed"; exit 1; }
grep -E '^(Setting up|Unpacking) ' "$work/apt.log" | sed 's/^/check-boot:   apt: /' >&2
rm -f "$root/tmp/$(basename "$deb")"
# As README.md says: enable the unit (its default instance is tty1), and
# on a serial line its instance, which replaces the serial getty there.
chroot "$root" systemctl enable mesokiosk@.service mesokiosk@ttyS0.service \
  > "$work/enable.log" 2>&1 \
  || { cat "$work/enable.log" >&2; exit 1; }
chroot "$root" systemctl mask serial-getty@ttyS0.service >> "$work/enable.log" 2>&1
# The hash of the PIN the test types, made by the packaged program.
pin=2468
pin_hash=$(echo "$pin" | chroot "$root" mesokiosk --hash-pin | sed 's/^staff_pin: "\(.*\)"$/\1/')
case $pin_hash in '$'*) ;; *) say "mesokiosk --hash-pin failed: $pin_hash"; exit 1 ;; esac
mkfs.ext4 -q -F -L root -d "$root" "$work/root.img" 1G
rm -rf "$root"
stage "installed with apt, unit enabled, image made"

# 4. Boot and check (the accelerator: kvm if it works here, else tcg).
status=0
"$python" "$srcdir/tests/boot/boot.py" --image "$work/root.img" \
  --kernel "$base/vmlinuz" --initrd "$base/initrd.img" --work "$work" \
  --accel "$accel" --pin "$pin" --pin-hash "$pin_hash" || status=1
# --keep: the image stays, to run boot.py again by hand (its --help).
[ -n "$keep" ] || rm -f "$work/root.img"
echo "$pin_hash" > "$work/pin_hash"
stage "booted and checked"
say "total: $(( $(date +%s) - start )) s"
exit $status
