#!/bin/sh
# install.sh already pointed PostgreSQL at the state disk; only check that the data came back.
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
ls "$state_dir"/postgresql/*/main/PG_VERSION >/dev/null 2>&1 || { echo "no PostgreSQL data on the state disk" >&2; exit 1; }
systemctl restart postgresql
pg_isready -q -h 127.0.0.1 -t 60
