#!/bin/sh
# A stand-in for what `svcplan drift` runs, installed as `vagrant`, `virsh` and `ssh` (first on
# PATH): every call is logged as "<program> <pid> <arguments>" to DRIFT_STANDIN_LOG, answers as
# the real program would for a running, unchanged machine, and then takes a fixed time
# (DRIFT_STANDIN_SLEEP seconds, `exec sleep`). Plain sh with builtins only, as vagrant-standin.sh:
# a stand-in that forks programs of its own would measure itself.
# The guest facts a machine of service S prints are in $DRIFT_STANDIN_FACTS/S (the bench writes
# them from the recorded spec); machines are named S-web-N.
set -euf
prog=${0##*/}
printf '%s %s %s\n' "$prog" "$$" "$*" >> "${DRIFT_STANDIN_LOG:-/dev/null}"
facts() {
  while IFS= read -r line; do printf '%s\n' "$line"; done < "$DRIFT_STANDIN_FACTS/${1%-web-*}"
}
case $prog in
  virsh)
    # virsh -c URI 'echo svcplan-domain ID; domstate ID; …'   or   virsh -c URI dominfo ID
    [ "${1:-}" = -c ] && shift 2
    if [ $# -ge 2 ]; then set -- "$*"; fi
    IFS=';'
    for c in $1; do
      c=${c# }
      case $c in
        'echo '*) printf '%s\n' "${c#echo }" ;;
        'domstate '*) printf 'running\n\n' ;;
        'dominfo '*)
          id=${c#dominfo }
          printf 'Id:             1\nName:           %s\nUUID:           %s\nOS Type:        hvm\nState:          running\nCPU(s):         1\nCPU time:       1.0s\nMax memory:     524288 KiB\nUsed memory:    524288 KiB\nPersistent:     yes\nAutostart:      disable\nManaged save:   no\nSecurity model: none\nSecurity DOI:   0\n\n' "$id" "$id"
          ;;
        *) printf 'error: unknown command: %s\n' "$c" >&2; exit 1 ;;
      esac
    done
    ;;
  ssh)
    # ssh -F FILE … ALIAS 'sh -s': the alias is the one before last.
    alias=
    for a do [ "$a" = 'sh -s' ] || alias=$a; done
    facts "$alias"
    ;;
  vagrant)
    case "${1:-}" in
      status)
        for d in .vagrant/machines/*; do
          [ -e "$d" ] && printf '1700000000,%s,state,running\n' "${d##*/}"
        done
        ;;
      ssh-config)
        printf 'Host %s\n  HostName 127.0.0.1\n  User vagrant\n  Port 2222\n  UserKnownHostsFile /dev/null\n  StrictHostKeyChecking no\n  PasswordAuthentication no\n  IdentityFile %s/.vagrant/machines/%s/libvirt/private_key\n  IdentitiesOnly yes\n  LogLevel FATAL\n\n' "$2" "$PWD" "$2"
        ;;
      ssh) facts "$2" ;;
      *) printf 'drift stand-in: vagrant %s is not something drift runs\n' "$1" >&2; exit 1 ;;
    esac
    ;;
esac
exec sleep "${DRIFT_STANDIN_SLEEP:-0}"
