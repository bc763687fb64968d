#!/usr/bin/env bash
# A stand-in `vagrant` for tests and benchmarks: every call is logged, takes a fixed time, and
# succeeds; `up` and `destroy` keep a list of machines so `status --machine-readable` answers.
# VAGRANT_STANDIN_LOG: file each call is appended to; VAGRANT_STANDIN_SLEEP: seconds per call.
set -eu
machines="$PWD/.standin-machines"
printf '%s %s\n' "$(date +%s%N)" "$*" >> "${VAGRANT_STANDIN_LOG:-/dev/null}"
case "${1:-}" in
  status)
    if [ -d "$machines" ]; then
      for f in "$machines"/*; do
        [ -e "$f" ] && printf '1700000000,%s,state,running\n' "$(basename "$f")"
      done
    fi
    exit 0
    ;;
esac
sleep "${VAGRANT_STANDIN_SLEEP:-0}"
case "${1:-}" in
  up) mkdir -p "$machines"; touch "$machines/$2" ;;
  destroy) rm -f "$machines/${3:-}" ;;
esac
exit 0
