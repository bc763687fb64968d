#!/bin/sh
# install.sh already pointed PostgreSQL at the state disk; only check that the data came back.
set -eu
state_dir="${SVCPLAN_STATE_DIR:-/var/lib/svcplan/state}"
ls "$state_dir"/postgresql/*/main/PG_VERSION >/dev/null 2>&1 || { echo "no PostgreSQL data on the state disk" >&2; exit 1; }
systemctl restart postgresql
pg_isready -q -h 127.0.0.1 -t 60
