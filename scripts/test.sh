#!/usr/bin/env bash
# Runs every suite inside a private network namespace made for this run (scripts/netns-exec.sh), so no
# test traffic can leave the machine. Ends with one line summing all suites: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests || exit 1

log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

bash scripts/netns-exec.sh bash scripts/run-suites.sh "$log_dir"
status=$?

passed=0; failed=0
for f in "$log_dir"/*.log; do
  [ -f "$f" ] || continue
  p=$(grep -E '^ℹ pass [0-9]+' "$f" | tail -1 | awk '{print $3}')
  x=$(grep -E '^ℹ fail [0-9]+' "$f" | tail -1 | awk '{print $3}')
  passed=$((passed + ${p:-0})); failed=$((failed + ${x:-0}))
done
[ "$status" != 0 ] && [ "$failed" = 0 ] && failed=1
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
