#!/usr/bin/env bash
# Runs every suite (inside the test namespace, see netns-exec.sh), logging each to $1/<suite>.log.
set -uo pipefail
log_dir=$1
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
