// Builds dist/: one bundled file per node and credential that package.json's n8n block names, then
// copies the icons and node codex files, adding to each node's codex the search aliases its registry
// derives. n8n loads every installed node at start-up, on every main, worker and webhook process:
// one file per entry loads faster than a tree of modules. Types are checked by `npm run typecheck`,
// not here.
//
// Only n8n-workflow stays external: it is the one module the package declares (a peer dependency,
// "*", as n8n's community rules require). zod is bundled: the rules forbid runtime dependencies
// (no-runtime-dependencies) and every peer but n8n-workflow (valid-peer-dependencies), so a module
// the package needs and cannot declare goes into its files. test/package/installed.test.ts installs
// the packed package with n8n-workflow alone and loads every node and credential.
// `--if-stale`: only when dist/ is missing or a source of it is newer (what packs the package calls this).
const esbuild = require('esbuild');
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const { n8n } = require(path.join(root, 'package.json'));
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
esbuild.buildSync({
	absWorkingDir: root,
	// dist/nodes/PagerDuty/PagerDuty.node.js is built from nodes/PagerDuty/PagerDuty.node.ts.
	entryPoints: [...n8n.nodes, ...n8n.credentials].map((file) =>
		path.join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
	),
	outbase: root,
	outdir: dist,
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	external: ['n8n-workflow'],
	logLevel: 'warning',
});

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

/** Runs TypeScript source of the package, bundled as the build bundles it, and returns its exports. */
function evaluate(source) {
	const [bundle] = esbuild.buildSync({
		stdin: { contents: source, resolveDir: root, loader: 'ts' },
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		external: ['n8n-workflow', 'zod'],
		write: false,
		logLevel: 'warning',
	}).outputFiles;
	const loaded = new Module(path.join(root, 'build-time.js'), module);
	loaded.paths = Module._nodeModulePaths(root);
	loaded._compile(bundle.text, loaded.id);
	return loaded.exports;
}

// n8n's node search reads `alias` from the codex file (the only place both of n8n's loaders read),
// so the aliases the registry derives are written there rather than kept by hand.
const { nodeActions, searchAliases } = evaluate(`
	export { nodeActions } from './nodes/PagerDuty/actions/nodes';
	export { searchAliases } from './nodes/PagerDuty/actions/registry';
`);
for (const file of n8n.nodes) {
	const codexFile = path.join(root, `${file}on`);
	const codex = JSON.parse(fs.readFileSync(codexFile, 'utf8'));
	const actions = nodeActions[codex.node.replace(/^[^.]+\./, '')];
	if (!actions) continue;
	codex.alias = searchAliases(actions);
	fs.writeFileSync(codexFile, `${JSON.stringify(codex, null, '\t')}\n`);
}
