#!/bin/sh
# Installs Redis with append-only persistence on the state disk.
set -eu
state_dir="${SVCPLAN_STATE_MOUNT:-/var/lib/svcplan/state}"
export DEBIAN_FRONTEND=noninteractive
command -v redis-server >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q redis-server; }
mkdir -p "$state_dir/redis"
chown redis:redis "$state_dir/redis"
conf=/etc/redis/redis.conf
sed -i "s|^dir .*|dir $state_dir/redis|" "$conf"
sed -i "s|^appendonly .*|appendonly yes|" "$conf"
sed -i "s|^# maxmemory <bytes>|maxmemory ${REDIS_MAXMEMORY:-256mb}|; s|^maxmemory .*|maxmemory ${REDIS_MAXMEMORY:-256mb}|" "$conf"
# The unit's sandbox only lets Redis write to its own folders; allow the state disk too.
mkdir -p /etc/systemd/system/redis-server.service.d
printf '[Service]\nReadWritePaths=%s/redis\n' "$state_dir" > /etc/systemd/system/redis-server.service.d/state-disk.conf
systemctl daemon-reload
systemctl restart redis-server
