#!/bin/sh
# Redis loads the append-only file from the state disk at start; wait until it has.
set -eu
systemctl restart redis-server
for _ in $(seq 1 30); do
  [ "$(redis-cli ping 2>/dev/null)" = PONG ] && exit 0
  sleep 1
done
echo "redis did not come back after restore" >&2
exit 1
