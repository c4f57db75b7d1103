#!/usr/bin/env bash
# Validates every GitHub workflow against the workflow schema with action-validator (npm package
# @action-validator/cli, pinned; it carries the schema, so it runs offline once installed).
set -euo pipefail
cd "$(dirname "$0")/.."
for workflow in .github/workflows/*.yml; do
	npx --yes @action-validator/cli@0.6.0 "$workflow"
	echo "workflow schema: $workflow ok"
done
