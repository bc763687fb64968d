#!/bin/sh
# A stand-in for OpenSSH in driver tests: checks it is called as the driver calls ssh (-F FILE,
# options, ALIAS, the fixed remote command `sh -s`), logs its arguments, and runs what comes on
# stdin with the real sh, as a guest would: in a private mount namespace (unshare) where /etc and
# /tmp are the test's guest folders ($FAKE_GUEST/etc, $FAKE_GUEST/tmp) and `sudo` is the shim the
# test boxes have. Nothing outside $FAKE_GUEST is written.
set -eu
printf '%s\n' "$*" >> "${FAKE_SSH_LOG:?}"
[ "$1" = -F ] && [ -f "$2" ] || { echo "fake ssh: no -F FILE" >&2; exit 255; }
for last do :; done
[ "$last" = 'sh -s' ] || { echo "fake ssh: remote command is $last, not sh -s" >&2; exit 255; }
ns=$(sh "$(dirname "$0")/guest-ns.sh") || exit 255
# shellcheck disable=SC2086 # ns is a list of options
exec unshare $ns sh -c 'mount --bind "$1/etc" /etc && mount --bind "$1/bin" /srv && mount --bind "$1/tmp" /tmp && PATH=/srv:$PATH exec sh -s' fake-ssh "${FAKE_GUEST:?}"
