// Regenerates test/fixtures/n8n-nodes-base-credentials.json: the credential type names that
// n8n-nodes-base ships (read from its npm tarball's dist/known/credentials.json). Credential type
// names are global in n8n, so a test checks that none of ours takes one of these.
// Usage: node tools/list-builtin-credentials.js [version]   (default: the version pinned below)
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const version = process.argv[2] ?? '2.41.2';
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-base-'));
const tarball = execFileSync('npm', ['pack', `n8n-nodes-base@${version}`, '--silent'], {
	cwd: workDir,
	encoding: 'utf8',
}).trim();
execFileSync('tar', ['-xzf', tarball, 'package/dist/known/credentials.json'], { cwd: workDir });
const known = JSON.parse(
	fs.readFileSync(path.join(workDir, 'package/dist/known/credentials.json'), 'utf8'),
);
const output = {
	source: `n8n-nodes-base@${version} dist/known/credentials.json`,
	names: Object.keys(known).sort(),
};
fs.writeFileSync(
	path.resolve(__dirname, '../test/fixtures/n8n-nodes-base-credentials.json'),
	`${JSON.stringify(output, null, '\t')}\n`,
);
fs.rmSync(workDir, { recursive: true, force: true });
console.log(`${output.names.length} credential names from ${output.source}`);
