# Source this file: it puts Node.js 24 first on PATH (the project's tools, n8n 2.x and n8n-workflow 2.x need it;
# these machines ship Node 20). The work is done by tools/node.sh, shared with the Node 22 that n8n 1.x runs on.
# shellcheck source=/dev/null
source "$(dirname "${BASH_SOURCE[0]}")/node.sh" 24
