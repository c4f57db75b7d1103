// Builds dist/: compiles the TypeScript, then copies what tsc leaves out (icons, node codex files).
// `--if-stale`: only when dist/ is missing or a source of it is newer (what packs the package calls this).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const SOURCES = ['credentials', 'nodes', 'icons', 'package.json'];

function newestChange(file) {
	const stat = fs.statSync(file);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return fs
		.readdirSync(file)
		.reduce(
			(newest, entry) => Math.max(newest, newestChange(path.join(file, entry))),
			stat.mtimeMs,
		);
}

if (process.argv.includes('--if-stale') && fs.existsSync(dist)) {
	const built = fs.statSync(dist).mtimeMs;
	if (SOURCES.every((source) => newestChange(path.join(root, source)) <= built)) process.exit(0);
}

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
