#!/usr/bin/env bash
# The test command: `bash tools/test.sh [jest args]`. Works on a fresh machine (Node 20 only):
# gets Node 24, installs dependencies when needed, runs every jest suite, prints "N passed, N failed".
# Then the end-to-end suites in a real n8n (jest.e2e.config.js: n8n 2.41.1 installed once per user into
# ~/.cache/n8n-nodes-pagerduty, the package from its tarball, the sandbox, headless Chromium). They are skipped
# with PAGERDUTY_SKIP_E2E=1, and when jest args are given (a focused run) unless PAGERDUTY_E2E=1.
# Then the queue-mode (fleet) suites (jest.fleet.config.js: Postgres, Redis, n8n main, two workers, a webhook
# processor); skipped with PAGERDUTY_SKIP_FLEET=1 and whenever the end-to-end suites are.
# The last line counts every run.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/node24.sh

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	echo "[test] installing dependencies (npm ci) ..."
	npm ci --no-audit --no-fund --loglevel=error
fi

results="$(mktemp)"
e2e_results="$(mktemp)"
rm -f "$e2e_results"
fleet_results="$(mktemp)"
rm -f "$fleet_results"
status=0
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
	if [ ! -d dist ] || [ -n "$(find credentials nodes icons package.json -newer dist -print -quit)" ]; then
		echo "[test] building dist/ for npm pack ..."
		npm run --silent build || status=1
	fi
	npx jest -c jest.e2e.config.js --json --outputFile="$e2e_results" || status=$?
	echo "[test] end-to-end stage took $((SECONDS - started)) s"
fi

# ---- queue-mode (fleet) stage ----
run_fleet=$run_e2e
if [ "${PAGERDUTY_SKIP_FLEET:-}" = "1" ]; then run_fleet=0; fi
if [ "$run_fleet" = "1" ]; then
	echo
	echo "[test] queue-mode suites: n8n main + 2 workers + webhook processor, Postgres, Redis (skip with PAGERDUTY_SKIP_FLEET=1)"
	started=$SECONDS
	bash tools/fleet-deps.sh || status=1
	npx jest -c jest.fleet.config.js --json --outputFile="$fleet_results" || status=$?
	echo "[test] queue-mode stage took $((SECONDS - started)) s"
fi

node -e '
	const fs = require("fs");
	let passed = 0, failed = 0;
	const runs = [[process.argv[1], true], [process.argv[2], process.argv[3] === "1"], [process.argv[4], process.argv[5] === "1"]];
	for (const [file, required] of runs) {
		if (!required) continue;
		let r;
		try { r = JSON.parse(fs.readFileSync(file, "utf8")); } catch { failed += 1; continue; } // suite could not start
		passed += r.numPassedTests;
		failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
	}
	console.log(`jest: ${passed} passed, ${failed} failed`);
' "$results" "$e2e_results" "$run_e2e" "$fleet_results" "$run_fleet" || { echo "jest: 0 passed, 1 failed"; status=1; }
rm -f "$results" "$e2e_results" "$fleet_results"
exit "$status"
