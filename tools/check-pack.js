// Fails when the npm tarball would ship anything besides dist/, README, LICENSE and package.json,
// ships source maps or type declarations, or misses a file that package.json's n8n block points at.
// Maps would point n8n's stack traces (its bin loads source-map-support) at .ts files not shipped.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const [pack] = JSON.parse(
	execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8' }),
);
const files = pack.files.map((file) => file.path);
const allowed = (file) =>
	file.startsWith('dist/') || ['README.md', 'LICENSE', 'package.json'].includes(file);
const stray = files.filter((file) => !allowed(file));
const { n8n } = require(path.join(root, 'package.json'));
const missing = [...n8n.credentials, ...n8n.nodes].filter((file) => !files.includes(file));
const leaked = files.filter((file) => /openapi|\.test\.|sandbox|contract/i.test(file));
const buildLeftovers = files.filter((file) => /\.map$|\.d\.ts$/.test(file));

// What the tarball holds, folder by folder (file count, bytes, kinds), then its size.
const folders = new Map();
for (const file of pack.files) {
	const folder = path.posix.dirname(file.path);
	const kind = /\.(d\.ts|js\.map|[^.]+)$/.exec(file.path)?.[0] ?? path.posix.basename(file.path);
	const entry = folders.get(folder) ?? { files: 0, bytes: 0, kinds: new Map() };
	entry.files += 1;
	entry.bytes += file.size;
	entry.kinds.set(kind, (entry.kinds.get(kind) ?? 0) + 1);
	folders.set(folder, entry);
}
for (const [folder, entry] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
	const kinds = [...entry.kinds].map(([kind, count]) => `${count} ${kind}`).join(', ');
	console.log(
		`  ${folder.padEnd(48)} ${String(entry.files).padStart(3)} files ${String(entry.bytes).padStart(8)} B  (${kinds})`,
	);
}
console.log(
	`${pack.name}@${pack.version}: ${files.length} files, ${pack.size} bytes packed, ${pack.unpackedSize} bytes unpacked`,
);
if (stray.length || missing.length || leaked.length || buildLeftovers.length) {
	if (stray.length) console.error('not allowed in the package:', stray);
	if (missing.length) console.error('declared in package.json but not packed:', missing);
	if (leaked.length) console.error('test or PagerDuty contract material in the package:', leaked);
	if (buildLeftovers.length) console.error('source maps or type declarations:', buildLeftovers);
	process.exit(1);
}
