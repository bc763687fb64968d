#!/bin/sh
# A stand-in `vagrant` for tests and benchmarks: every call is logged, takes a fixed time, and
# succeeds; `up` and `destroy` keep a list of machines so `status --machine-readable` answers, and
# the id file Vagrant keeps per machine (an id no hypervisor knows: svcplan asks `status`).
# VAGRANT_STANDIN_LOG: file each call is appended to; VAGRANT_STANDIN_SLEEP: seconds per call.
# Plain sh with builtins only, then `exec sleep`: on a small machine, a stand-in that forks several
# programs per call would measure itself rather than what calls it. A log line is "<pid> <arguments>".
set -eu
machines="$PWD/.standin-machines"
printf '%s %s\n' "$$" "$*" >> "${VAGRANT_STANDIN_LOG:-/dev/null}"
case "${1:-}" in
  status)
    if [ -d "$machines" ]; then
      for f in "$machines"/*; do
        [ -e "$f" ] && printf '1700000000,%s,state,running\n' "${f##*/}"
      done
    fi
    exit 0
    ;;
esac
# The machine list changes first, so the call ends in `sleep` itself instead of a shell waiting on it.
case "${1:-}" in
  up)
    [ -d "$machines" ] || mkdir -p "$machines"
    : > "$machines/$2"
    [ -d ".vagrant/machines/$2/libvirt" ] || mkdir -p ".vagrant/machines/$2/libvirt"
    printf 'standin-%s' "$2" > ".vagrant/machines/$2/libvirt/id"
    ;;
  destroy) rm -f "$machines/${3:-}" ".vagrant/machines/${3:-}/libvirt/id" ;;
esac
exec sleep "${VAGRANT_STANDIN_SLEEP:-0}"
