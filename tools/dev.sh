#!/usr/bin/env bash
# `npm run dev`: n8n 2.41.1 + this package + the PagerDuty sandbox, from a fresh clone on a Node 20 machine.
# Gets Node 24 if needed, installs dependencies, builds, installs n8n once into ~/.cache/n8n-nodes-pagerduty,
# then runs dev/run.ts (compiled to .build/): sandbox, package, credentials, example workflow, n8n.
# Ctrl-C stops n8n and the sandbox.
#
# Real account instead of the sandbox: PAGERDUTY_API_TOKEN=... [PAGERDUTY_REGION=us|eu] [PAGERDUTY_FROM_EMAIL=...]
# [PAGERDUTY_ROUTING_KEY=...]
# Ports: N8N_PORT (5678), PD_SANDBOX_PORT (4010).
# Queue mode (main + 2 workers + webhook processor, Postgres, Redis): npm run dev -- --queue (N8N_WEBHOOK_PORT 5680).
set -euo pipefail
cd "$(dirname "$0")/.."
step_started=0
step() { step_started=$SECONDS; echo "[dev] $* ..."; }
done_step() { echo "[dev]   done in $((SECONDS - step_started)) s"; }
fail() { echo "[dev] FAILED: $*" >&2; exit 1; }

source tools/node24.sh || fail "could not get Node.js 24 (see the message above)"
echo "[dev] Node $(node --version)"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	step "installing dependencies (npm ci, ~1 min)"
	npm ci --no-audit --no-fund --loglevel=error || fail "npm ci; check access to the npm registry, then run npm run dev again"
	done_step
fi

step "building the package (dist/) and the sandbox (.build/)"
npm run --silent build || fail "npm run build (TypeScript errors above)"
npx tsc -p dev/tsconfig.json || fail "compiling dev/ (TypeScript errors above)"
done_step

# Installs n8n once per user (~6-7 min the first time, with progress); instant afterwards.
bash tools/n8n-host.sh >/dev/null || fail "installing n8n (see the message above)"

if [ "${1:-}" = "--queue" ]; then bash tools/fleet-deps.sh || fail "installing Redis and Postgres (see above)"; fi
exec node .build/dev/run.js "$@"
