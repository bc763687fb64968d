#!/bin/sh
# Runs on the new VM after install: reattach uploads and sessions kept on the state disk.
set -eu
state_dir="${SVCPLAN_STATE_DIR:-/var/lib/svcplan/state}"
[ -f "$state_dir/shop/saved-at" ] || { echo "no saved shop state: fresh instance"; exit 0; }
mkdir -p "$state_dir/shop/uploads" "$state_dir/shop/sessions"
ln -sfn "$state_dir/shop/uploads" /opt/shop/current/public/uploads
systemctl restart shop
echo "shop state restored (saved $(cat "$state_dir/shop/saved-at"))"
