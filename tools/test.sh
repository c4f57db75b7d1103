#!/usr/bin/env bash
# The test command: `bash tools/test.sh [jest args]`. Works on a fresh machine (Node 20 only):
# gets Node 24, installs dependencies when needed, runs every jest suite, prints "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/node24.sh

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	echo "[test] installing dependencies (npm ci) ..."
	npm ci --no-audit --no-fund --loglevel=error
fi

results="$(mktemp)"
status=0
npx jest --json --outputFile="$results" "$@" || status=$?
node -e '
	const r = require(process.argv[1]);
	console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed`);
' "$results" || { echo "jest: 0 passed, 1 failed"; status=1; }
rm -f "$results"
exit "$status"
