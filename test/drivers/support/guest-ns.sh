#!/bin/sh
# Prints the unshare options that give the driver tests' stand-in guest a private mount
# namespace here, or says why there is none (exit 1). Used by fake-ssh.sh and by the tests that
# check for it first.
if [ "$(id -u)" != 0 ]; then
  # A user namespace gives an unprivileged user its own mounts.
  unshare -Urm true 2>/dev/null && { echo -Urm; exit 0; }
  echo "unshare -Urm failed (no unprivileged user namespaces here); run as root" >&2
  exit 1
fi
unshare -m true 2>/dev/null && { echo -m; exit 0; }
# Inside a chroot (as CI runs) '/' is no mount point, so unshare cannot make the mounts private;
# leaving them as they are is safe only where no mount is shared, or the guest's binds would show
# on the host.
if grep -q ' shared:' /proc/self/mountinfo; then
  echo "unshare -m failed, and mounts here are shared: the stand-in guest's binds would leak" >&2
  exit 1
fi
echo "-m --propagation unchanged"
