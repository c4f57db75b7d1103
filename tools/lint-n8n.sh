#!/usr/bin/env bash
# `npm run lint:n8n`: the lint n8n applies when it verifies a community package (tools/lint-n8n.js says what runs).
# The linter is n8n's own, @n8n/node-cli's ESLint config, pinned with its own lockfile in tools/n8n-lint/ and
# installed once per lockfile into the per-user cache (~600 packages, ~2 min the first time): added to this
# package's devDependencies it would pull eslint-plugin-n8n-nodes-base 1.x, a newer eslint-plugin-import-x and
# n8n-workflow next to the project's own pins. Lints the packed tarball too, so it builds dist/ when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/node24.sh
cache="${N8N_PAGERDUTY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-pagerduty}"
lint_dir="$cache/n8n-lint-$(sha256sum tools/n8n-lint/package-lock.json | cut -c1-12)"
mkdir -p "$cache"
if [ ! -f "$lint_dir/.installed-ok" ]; then
	exec 9>"$lint_dir.lock"
	flock 9
	if [ ! -f "$lint_dir/.installed-ok" ]; then
		echo "[lint:n8n] installing @n8n/node-cli's linter into $lint_dir (once per lockfile) ..." >&2
		started=$SECONDS
		rm -rf "$lint_dir" && mkdir -p "$lint_dir"
		cp tools/n8n-lint/package.json tools/n8n-lint/package-lock.json "$lint_dir/"
		# No install scripts: eslint-plugin-n8n-nodes-base's is `npx only-allow pnpm`, and nothing here needs one.
		npm ci --prefix "$lint_dir" --ignore-scripts --no-audit --no-fund --loglevel=error >&2
		date -u +%FT%TZ >"$lint_dir/.installed-ok"
		echo "[lint:n8n] installed in $((SECONDS - started)) s" >&2
	fi
	exec 9>&-
fi
node tools/build.js --if-stale
node tools/lint-n8n.js "$lint_dir"
