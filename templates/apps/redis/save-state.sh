#!/bin/sh
# Flush the dataset to the state disk before the VM goes away.
set -eu
redis-cli save >/dev/null
systemctl stop redis-server
sync
