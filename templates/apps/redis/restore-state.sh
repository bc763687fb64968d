#!/bin/sh
# Redis loads the append-only file from the state disk at start; wait until it has.
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
systemctl restart redis-server
for _ in $(seq 1 30); do
  [ "$(redis-cli ping 2>/dev/null)" = PONG ] && exit 0
  sleep 1
done
echo "redis did not come back after restore" >&2
exit 1
