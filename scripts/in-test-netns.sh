#!/usr/bin/env bash
# Runs inside `unshare -n`: brings up the namespace's network, then each suite, logging to $1.
set -uo pipefail
log_dir=$1
ip link set lo up
ip link add parley-t0 type veth peer name parley-t1
ip addr add 10.201.0.1/24 dev parley-t0
ip link set parley-t0 up
ip link set parley-t1 up
export PARLEY_TEST_NETNS=1

status=0
run_suite() {
  local name=$1; shift
  echo "== $name"
  "$@" 2>&1 | tee "$log_dir/$name.log"
  [ "${PIPESTATUS[0]}" = 0 ] || status=1
}
run_suite typecheck npm run --silent typecheck
run_suite unit npm run --silent test:unit
run_suite e2e npm run --silent test:e2e
exit $status
