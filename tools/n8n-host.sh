#!/usr/bin/env bash
# Installs n8n (the "host" that loads this package) once per user and version, outside the clone:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-pagerduty/n8n-<version>
# and reuses it on later runs (dev command, e2e tests, CI on the same machine). A marker file is written
# only after every step succeeded, so an interrupted install is resumed, never half-used.
#
# N8N_HOST_VERSION picks the version (default 2.41.1, the line the full e2e suite runs on; the smoke stage also
# uses the newest 1.123.x). Run it (`bash tools/n8n-host.sh` prints the host folder, then the node binary to
# start it with, one a line) or source it (exports N8N_HOST_DIR, N8N_BIN and N8N_NODE).
#
# Why the flags: a plain `npm install n8n` fails offline (a Kafka client downloads librdkafka sources from
# GitHub in its install script), so scripts are skipped and sqlite3, the one native module n8n needs
# without a shipped linux-x64 binary, is built afterwards against the headers of the Node that runs that n8n.
#
# What differs per n8n line (one place: _n8n_host_line):
# - Node: n8n 2.x needs Node 24. n8n 1.x runs on Node 20-24, but on Node 20 it crashes at start-up (isolated-vm,
#   its expression sandbox, ships no Node 20 build), and n8n recommends 22 for it: 1.x runs on Node 22.
# - n8n 1.x's n8n-nodes-base fetches `xlsx` from SheetJS's CDN, which these machines cannot reach: an npm
#   `overrides` entry in the host folder's own package.json takes the registry's xlsx 0.18.5 instead.
N8N_HOST_VERSION="${N8N_HOST_VERSION:-2.41.1}"

# Sets N8N_NODE_MAJOR and N8N_HOST_MANIFEST (the host folder's package.json) for $N8N_HOST_VERSION.
_n8n_host_line() {
	case "$N8N_HOST_VERSION" in
	1.*)
		N8N_NODE_MAJOR=22
		N8N_HOST_MANIFEST='{"name":"n8n-host","private":true,"overrides":{"xlsx":"0.18.5"}}'
		;;
	*)
		N8N_NODE_MAJOR=24
		N8N_HOST_MANIFEST='{"name":"n8n-host","private":true}'
		;;
	esac
}

_n8n_host_main() {
	local root here
	here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
	_n8n_host_line
	# shellcheck source=/dev/null
	source "$here/node.sh" "$N8N_NODE_MAJOR" || return 1
	root="${N8N_PAGERDUTY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-pagerduty}"
	N8N_HOST_DIR="$root/n8n-$N8N_HOST_VERSION"
	N8N_BIN="$N8N_HOST_DIR/node_modules/.bin/n8n"
	N8N_NODE="$NODE_BIN"
	export N8N_HOST_DIR N8N_BIN N8N_NODE
	local marker="$N8N_HOST_DIR/.installed-ok"
	if [ -f "$marker" ] && [ -x "$N8N_BIN" ]; then
		return 0
	fi
	mkdir -p "$root"
	# One installer at a time per machine (CI and `npm run dev` may start together).
	exec 9>"$root/n8n-$N8N_HOST_VERSION.lock"
	if ! flock -n 9; then
		echo "[n8n-host] another process is installing n8n $N8N_HOST_VERSION; waiting for it ..." >&2
		flock 9
	fi
	if [ -f "$marker" ] && [ -x "$N8N_BIN" ]; then
		exec 9>&-
		return 0
	fi
	mkdir -p "$N8N_HOST_DIR"
	[ -f "$N8N_HOST_DIR/package.json" ] || echo "$N8N_HOST_MANIFEST" >"$N8N_HOST_DIR/package.json"
	_n8n_host_step "installing n8n $N8N_HOST_VERSION into $N8N_HOST_DIR (about 5 min the first time, ~2400 packages)" \
		npm install --prefix "$N8N_HOST_DIR" --ignore-scripts --save-exact --no-audit --no-fund --loglevel=error "n8n@$N8N_HOST_VERSION" || {
		echo "[n8n-host] FAILED: npm install n8n@$N8N_HOST_VERSION. Check access to the npm registry and free disk (~4 GB);" >&2
		echo "[n8n-host] then run the command again (it resumes). To start over: rm -rf '$N8N_HOST_DIR'" >&2
		exec 9>&-
		return 1
	}
	_n8n_host_step "building sqlite3 for Node $(node --version) (about 2-3 min, node-gyp)" \
		npm rebuild --prefix "$N8N_HOST_DIR" --loglevel=error sqlite3 || {
		echo "[n8n-host] FAILED: npm rebuild sqlite3. It needs python3, make and a C++ compiler (apt-get install -y python3 make g++)" >&2
		echo "[n8n-host] and Node $N8N_NODE_MAJOR headers (npm_config_nodedir=$npm_config_nodedir). Then run the command again." >&2
		exec 9>&-
		return 1
	}
	date -u +%FT%TZ >"$marker"
	echo "[n8n-host] n8n $N8N_HOST_VERSION is ready in $N8N_HOST_DIR" >&2
	exec 9>&-
}

# Runs a slow command with a heartbeat every 30 s and reports how long it took; output goes to stderr.
_n8n_host_step() {
	local what="$1" started=$SECONDS beat rc=0
	shift
	echo "[n8n-host] $what ..." >&2
	(while sleep 30; do echo "[n8n-host]   ... still working ($((SECONDS - started)) s)" >&2; done) &
	beat=$!
	"$@" >&2 || rc=$?
	kill "$beat" 2>/dev/null
	wait "$beat" 2>/dev/null
	if [ "$rc" -eq 0 ]; then
		echo "[n8n-host] done in $((SECONDS - started)) s" >&2
	fi
	return "$rc"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -euo pipefail
	_n8n_host_main
	echo "$N8N_HOST_DIR"
	echo "$N8N_NODE"
else
	_n8n_host_main
fi
