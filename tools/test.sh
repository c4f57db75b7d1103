#!/usr/bin/env bash
# The test command: `bash tools/test.sh [jest args]`. Works on a fresh machine (Node 20 only):
# gets Node 24, installs dependencies when needed, runs every jest suite, prints "N passed, N failed".
# Then, in real n8n processes (each installed once per user into ~/.cache/n8n-nodes-pagerduty, the package from its
# tarball, the sandbox):
# - the end-to-end suites in n8n 2.41.1 (jest.e2e.config.js, with headless Chromium for the editor tests);
# - the smoke stage: the suites that hold on every n8n line, in the newest n8n 1.x (jest.smoke.config.js: n8n
#   1.123.x on Node 22, ~7 min to install the first time);
# - the queue-mode (fleet) suites (jest.fleet.config.js: Postgres, Redis, n8n main, two workers, a webhook processor).
# They are skipped with PAGERDUTY_SKIP_E2E=1, and when jest args are given (a focused run) unless PAGERDUTY_E2E=1;
# the fleet alone with PAGERDUTY_SKIP_FLEET=1. The last line counts every stage that ran.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/node24.sh

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	echo "[test] installing dependencies (npm ci) ..."
	npm ci --no-audit --no-fund --loglevel=error
fi

# One JSON result file per stage that ran; a stage that ran but left no file could not start.
stage_results=()
# `new_results NAME` sets NAME to a fresh path and remembers it (no subshell, so the list keeps it).
new_results() { local file; file="$(mktemp)"; rm -f "$file"; stage_results+=("$file"); printf -v "$1" '%s' "$file"; }
status=0
new_results results
npx jest --json --outputFile="$results" "$@" || status=$?

run_e2e=1
if [ "${PAGERDUTY_SKIP_E2E:-}" = "1" ]; then run_e2e=0; fi
if [ "$#" -gt 0 ] && [ "${PAGERDUTY_E2E:-}" != "1" ]; then run_e2e=0; fi
if [ "$run_e2e" = "1" ]; then
	echo
	echo "[test] end-to-end suites in a real n8n (skip with PAGERDUTY_SKIP_E2E=1)"
	started=$SECONDS
	# n8n itself: instant when already in the per-user cache, else ~6-7 min with progress.
	bash tools/n8n-host.sh >/dev/null || { echo "[test] could not install n8n (see above)"; status=1; }
	if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
		echo "[test] installing Debian's chromium for the editor test (apt-get, ~1-2 min) ..."
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } ||
			echo "[test] could not install chromium; the browser test will fail (apt-get install -y chromium)"
	fi
	# The e2e suites install the packed package: rebuild dist/ when a source is newer than it.
	node tools/build.js --if-stale || status=1
	new_results e2e_results
	npx jest -c jest.e2e.config.js --json --outputFile="$e2e_results" || status=$?
	echo "[test] end-to-end stage took $((SECONDS - started)) s"

	smoke_version="$(node -p 'require("./jest.smoke.config.js").globals.n8nVersion')"
	echo
	echo "[test] smoke stage in n8n $smoke_version"
	started=$SECONDS
	N8N_HOST_VERSION="$smoke_version" bash tools/n8n-host.sh >/dev/null ||
		{ echo "[test] could not install n8n $smoke_version (see above)"; status=1; }
	new_results smoke_results
	npx jest -c jest.smoke.config.js --json --outputFile="$smoke_results" || status=$?
	echo "[test] smoke stage (n8n $smoke_version) took $((SECONDS - started)) s"

	if [ "${PAGERDUTY_SKIP_FLEET:-}" != "1" ]; then
		echo
		echo "[test] queue-mode suites: n8n main + 2 workers + webhook processor, Postgres, Redis (skip with PAGERDUTY_SKIP_FLEET=1)"
		started=$SECONDS
		bash tools/fleet-deps.sh || status=1
		new_results fleet_results
		npx jest -c jest.fleet.config.js --json --outputFile="$fleet_results" || status=$?
		echo "[test] queue-mode stage took $((SECONDS - started)) s"
	fi
fi

node -e '
	const fs = require("fs");
	let passed = 0, failed = 0;
	for (const file of process.argv.slice(1)) {
		let r;
		try { r = JSON.parse(fs.readFileSync(file, "utf8")); } catch { failed += 1; continue; } // stage could not start
		passed += r.numPassedTests;
		failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
	}
	console.log(`jest: ${passed} passed, ${failed} failed`);
' "${stage_results[@]}" || { echo "jest: 0 passed, 1 failed"; status=1; }
rm -f "${stage_results[@]}"
exit "$status"
