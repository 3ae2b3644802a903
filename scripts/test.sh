#!/usr/bin/env bash
# Runs Berth's whole test suite: brings the platform up through the same bring-up a user runs
# (plus Chromium for the browser tests), then unit, integration and end-to-end tests in one
# run of Node's test runner, which ends with its summary.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/up.sh --with-test-tools

echo "==> Type-checking every workspace"
TURBO_TELEMETRY_DISABLED=1 node_modules/.bin/turbo run typecheck --output-logs=errors-only

mapfile -t unit < <(find apps packages -path '*/node_modules' -prune -o -path '*/src/*' -name '*.test.ts' -print | sort)
mapfile -t integration < <(find apps packages -path '*/node_modules' -prune -o -path '*/test/*' -name '*.test.ts' -print | sort)
mapfile -t e2e < <(find e2e -path '*/node_modules' -prune -o -name '*.test.ts' -print | sort)

echo "==> Running ${#unit[@]} unit, ${#integration[@]} integration and ${#e2e[@]} end-to-end test files"
# One file at a time: integration and end-to-end tests share the real services, and some of
# them stop and start a service on purpose.
exec node --import tsx --test --test-concurrency=1 --test-reporter=spec \
  "${unit[@]}" "${integration[@]}" "${e2e[@]}"
