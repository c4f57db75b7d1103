#!/usr/bin/env bash
# Installs n8n (the "host" that loads this package) once per user and version, outside the clone:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-pagerduty/n8n-<version>
# and reuses it on later runs (dev command, e2e tests, CI on the same machine). A marker file is written
# only after every step succeeded, so an interrupted install is resumed, never half-used.
#
# Run it (`bash tools/n8n-host.sh` prints the host folder on its last line) or source it (exports
# N8N_HOST_DIR and N8N_BIN). Needs Node 24 first on PATH: it sources tools/node24.sh itself.
#
# Why the flags: a plain `npm install n8n` fails offline (a Kafka client downloads librdkafka sources from
# GitHub in its install script), so scripts are skipped and sqlite3, the one native module n8n needs
# without a shipped linux-x64 binary, is built afterwards against Node 24's headers.
N8N_HOST_VERSION="${N8N_HOST_VERSION:-2.41.1}"
_n8n_host_main() {
	local root here
	here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
	# shellcheck source=/dev/null
	source "$here/node24.sh" || return 1
	root="${N8N_PAGERDUTY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-pagerduty}"
	N8N_HOST_DIR="$root/n8n-$N8N_HOST_VERSION"
	N8N_BIN="$N8N_HOST_DIR/node_modules/.bin/n8n"
	export N8N_HOST_DIR N8N_BIN
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
	[ -f "$N8N_HOST_DIR/package.json" ] || echo '{"name":"n8n-host","private":true}' >"$N8N_HOST_DIR/package.json"
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
		echo "[n8n-host] and Node 24 headers (npm_config_nodedir=$npm_config_nodedir). Then run the command again." >&2
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
else
	_n8n_host_main
fi
