// Builds dist/: compiles the TypeScript, then copies what tsc leaves out (icons, node codex files).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

fs.rmSync(dist, { recursive: true, force: true });
execFileSync(
	process.execPath,
	[require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')],
	{
		stdio: 'inherit',
	},
);

function copyMatching(fromDir, pattern) {
	for (const entry of fs.readdirSync(path.join(root, fromDir), { withFileTypes: true })) {
		const relative = path.join(fromDir, entry.name);
		if (entry.isDirectory()) copyMatching(relative, pattern);
		else if (pattern.test(entry.name)) {
			fs.mkdirSync(path.join(dist, fromDir), { recursive: true });
			fs.copyFileSync(path.join(root, relative), path.join(dist, relative));
		}
	}
}

copyMatching('icons', /\.svg$/);
copyMatching('nodes', /\.(svg|png|node\.json)$/);
