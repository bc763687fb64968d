#!/bin/sh
# Runs before the VM is replaced: quiesce the app and flush everything to the state disk.
set -eu
state_dir="${SVCPLAN_STATE_MOUNT:-/var/lib/svcplan/state}"
systemctl stop shop 2>/dev/null || true
mkdir -p "$state_dir/shop"
cp /etc/default/shop "$state_dir/shop/env.saved" 2>/dev/null || true
date -u +%Y-%m-%dT%H:%M:%SZ > "$state_dir/shop/saved-at"
sync
