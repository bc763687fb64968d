#!/bin/sh
# Installs PostgreSQL with its data directory on the state disk, so a new OS image keeps the data.
set -eu
version="${APP_VERSION:?APP_VERSION is not set}"
major="${version%%.*}"
state_dir="${SVCPLAN_STATE_MOUNT:-/var/lib/svcplan/state}"
data="$state_dir/postgresql/$major/main"

export DEBIAN_FRONTEND=noninteractive
dpkg -s "postgresql-$major" >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q "postgresql-$major"; }

systemctl stop postgresql
if [ ! -s "$data/PG_VERSION" ]; then
  mkdir -p "$data"
  chown -R postgres:postgres "$state_dir/postgresql"
  runuser -u postgres -- "/usr/lib/postgresql/$major/bin/initdb" -D "$data" >/dev/null
fi
conf="/etc/postgresql/$major/main/postgresql.conf"
sed -i "s|^#\?data_directory.*|data_directory = '$data'|" "$conf"
sed -i "s|^#\?max_connections.*|max_connections = ${PG_MAX_CONNECTIONS:-100}|" "$conf"
sed -i "s|^#\?shared_buffers.*|shared_buffers = ${PG_SHARED_BUFFERS:-128MB}|" "$conf"
systemctl start postgresql
