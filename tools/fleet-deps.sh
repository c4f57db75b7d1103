#!/usr/bin/env bash
# Redis and Postgres for the queue-mode (fleet) stage: Debian's redis-server and postgresql, installed with apt-get
# when missing (as root; ~30-60 s). The stage starts its own throw-away servers on free ports: nothing is configured
# here, and a server the packages may start on their default ports is not used.
set -euo pipefail
have_postgres() {
	command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}
if command -v redis-server >/dev/null 2>&1 && have_postgres; then exit 0; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "[fleet] redis-server and Postgres are needed: apt-get install -y redis-server postgresql" >&2
	exit 1
fi
started=$SECONDS
echo "[fleet] installing Debian's redis-server and postgresql (apt-get) ..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server postgresql >/dev/null
echo "[fleet] redis-server and postgresql installed in $((SECONDS - started)) s"
