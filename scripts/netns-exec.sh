#!/usr/bin/env bash
# Runs a command inside a private network namespace made for it: loopback plus a veth pair with an
# address of its own (Janus offers no ICE candidates on loopback; dummy interfaces are not available).
# Nothing sent inside can leave the machine. Usage: scripts/netns-exec.sh COMMAND [ARGS...]
set -euo pipefail
if [ "${PARLEY_IN_NETNS:-}" != 1 ]; then
  if [ "$(id -u)" = 0 ]; then exec unshare -n env PARLEY_IN_NETNS=1 "$0" "$@"; fi
  exec sudo unshare -n env PARLEY_IN_NETNS=1 PATH="$PATH" "$0" "$@"
fi
ip link set lo up
ip link add parley-t0 type veth peer name parley-t1
ip addr add 10.201.0.1/24 dev parley-t0
ip link set parley-t0 up
ip link set parley-t1 up
exec "$@"
