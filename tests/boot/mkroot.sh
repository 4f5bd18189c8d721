#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# tests/boot/mkroot.sh -- a minimal Debian 12 root for the boot test, cached.
#
#   tests/boot/mkroot.sh CACHE-DIR
#
# Prints the path of a directory holding root/ (the tree), vmlinuz and
# initrd.img.  The root is made with debootstrap from the mirror apt uses
# on this machine (deb.debian.org), once: it is kept under CACHE-DIR,
# keyed by a hash of everything that decides its contents (this script,
# the suite, the mirror and the package list), so a second run with the
# same key downloads nothing.  Needs root (debootstrap, chroot).
set -eu

cache=${1:?usage: mkroot.sh CACHE-DIR}
suite=bookworm
mirror=${MESOKIOSK_BOOT_MIRROR:-http://deb.debian.org/debian}
# Installed in the root: systemd, a kernel for qemu (the full one: the
# cloud kernel has no framebuffer console, whose fonts the large-text
# check changes), gpm (the console mouse: its tty1 test), kbd and the
# Terminus fonts of console-setup-linux (large text).
packages="systemd systemd-sysv udev kmod linux-image-amd64 \
initramfs-tools zstd gpm kbd console-setup-linux"
# Downloaded only: the kiosk's run-time libraries (see below), speech's
# with its voices.
deb_packages="libncursesw6 libyaml-0-2 libunistring2 libcrypt1 libgpm2 \
libqrencode4 libespeak-ng1 espeak-ng-data"

say () { printf 'mkroot: %s\n' "$*" >&2; }

key=$( { cat "$0"; echo "$suite $mirror $packages | $deb_packages"; } \
       | sha256sum | cut -c1-16)
dir=$cache/root-$key
if [ -f "$dir/done" ]; then
  say "cached: $dir"
  echo "$dir"
  exit 0
fi

[ "$(id -u)" -eq 0 ] || { say "needs root (debootstrap)"; exit 1; }
mkdir -p "$cache"
rm -rf "$dir.tmp"
mkdir -p "$dir.tmp"
root=$dir.tmp/root
say "debootstrap $suite from $mirror into $root (downloads once)"
debootstrap --variant=minbase --include="$(echo $packages | tr ' ' ,)" \
  "$suite" "$root" "$mirror" > "$dir.tmp/debootstrap.log" 2>&1 \
  || { tail -n 30 "$dir.tmp/debootstrap.log" >&2; exit 1; }

# An initramfs with only what a qemu guest needs: boots faster under TCG.
cat > "$root/etc/initramfs-tools/conf.d/mesokiosk-boot" <<'EOF'
MODULES=list
COMPRESS=zstd
EOF
printf '%s\n' virtio_pci virtio_blk ext4 > "$root/etc/initramfs-tools/modules"
chroot "$root" update-initramfs -u -k all > "$dir.tmp/initramfs.log" 2>&1 \
  || { tail -n 30 "$dir.tmp/initramfs.log" >&2; exit 1; }

echo mesokiosk-boot > "$root/etc/hostname"
# The mouse (qemu's virtio-mouse, /dev/input/mice) before gpm starts.
printf '%s\n' virtio_input mousedev > "$root/etc/modules-load.d/mesokiosk-boot.conf"
printf '/dev/vda / ext4 rw,noatime 0 0\n' > "$root/etc/fstab"
chroot "$root" passwd -d root > /dev/null
# The control console (the second serial line): a root shell, no login.
d=$root/etc/systemd/system/serial-getty@ttyS1.service.d
mkdir -p "$d"
cat > "$d/autologin.conf" <<'EOF'
[Service]
ExecStart=
ExecStart=-/sbin/agetty --autologin root --noclear --keep-baud 115200 %I dumb
EOF
# Nothing that runs by itself and slows a TCG boot down.
for u in apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer \
         fstrim.timer systemd-timesyncd.service; do
  ln -sf /dev/null "$root/etc/systemd/system/$u"
done

# The kiosk's run-time libraries, downloaded (not installed) from the
# root's own suite into a local repository that the root's apt reads, so
# that apt-get install ./mesokiosk_*.deb resolves and installs them for
# real, with no network: the root's sources.list names only that.
say "downloading the kiosk's run-time packages into a local repository"
cp /etc/resolv.conf "$root/etc/resolv.conf"
{ chroot "$root" apt-get update \
  && chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y \
       --download-only --no-install-recommends $deb_packages
} > "$dir.tmp/apt.log" 2>&1 || { tail -n 30 "$dir.tmp/apt.log" >&2; exit 1; }
repo=$root/srv/mesokiosk-repo
mkdir -p "$repo"
find "$root/var/cache/apt/archives" -maxdepth 1 -name '*.deb' \
  -exec mv {} "$repo" \;
(cd "$repo" && dpkg-scanpackages . /dev/null > Packages 2> /dev/null)
echo 'deb [trusted=yes] file:/srv/mesokiosk-repo ./' > "$root/etc/apt/sources.list"
rm -rf "$root/var/lib/apt/lists"/* "$root/etc/resolv.conf"
chroot "$root" apt-get update > "$dir.tmp/apt-local.log" 2>&1 \
  || { tail -n 30 "$dir.tmp/apt-local.log" >&2; exit 1; }

cp -L "$root/vmlinuz" "$dir.tmp/vmlinuz"
cp -L "$root/initrd.img" "$dir.tmp/initrd.img"
touch "$dir.tmp/done"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
say "made: $dir"
echo "$dir"
