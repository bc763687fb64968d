#!/bin/sh
# A clean shutdown writes a checkpoint, so the data directory on the state disk is consistent.
set -eu
systemctl stop postgresql
sync
