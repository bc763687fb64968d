#!/bin/sh
# Runs on the new VM after install: reattach uploads and sessions kept on the state disk.
set -eu
state_dir="${SVCPLAN_STATE_MOUNT:-/var/lib/svcplan/state}"
# The state disk arrives as a raw device; give it a file system once and mount it, so a new OS
# image finds the same data at the same place.
if [ -n "${SVCPLAN_STATE_DEVICE:-}" ] && ! mountpoint -q "$state_dir"; then
  mkdir -p "$state_dir"
  blkid "$SVCPLAN_STATE_DEVICE" >/dev/null 2>&1 || mkfs.ext4 -q -L svcplan-state "$SVCPLAN_STATE_DEVICE"
  mount "$SVCPLAN_STATE_DEVICE" "$state_dir"
  grep -q ' svcplan-state ' /etc/fstab 2>/dev/null || echo "LABEL=svcplan-state $state_dir ext4 defaults,nofail 0 2" >> /etc/fstab
fi
[ -f "$state_dir/shop/saved-at" ] || { echo "no saved shop state: fresh instance"; exit 0; }
mkdir -p "$state_dir/shop/uploads" "$state_dir/shop/sessions"
ln -sfn "$state_dir/shop/uploads" /opt/shop/current/public/uploads
systemctl restart shop
echo "shop state restored (saved $(cat "$state_dir/shop/saved-at"))"
