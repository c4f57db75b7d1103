// Issue 10, point 8: the packed package loads with exactly what it declares. It is packed as npm
// publishes it, unpacked into an empty folder beside only its declared peers (n8n-workflow, the
// version n8n 2.41 ships), and every node and credential its n8n block names is loaded there in a
// fresh Node process that sees no other modules.
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'fs';
import { builtinModules } from 'module';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

const ROOT = resolve(__dirname, '../..');

interface PackageJson {
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	n8n: { nodes: string[]; credentials: string[] };
}

describe('the packed package', () => {
	let folder: string;
	let installed: string;
	let manifest: PackageJson;

	beforeAll(() => {
		folder = mkdtempSync(join(tmpdir(), 'n8n-nodes-pagerduty-pack-'));
		execFileSync(process.execPath, ['tools/build.js'], { cwd: ROOT });
		const [packed] = JSON.parse(
			execFileSync('npm', ['pack', '--json', '--pack-destination', folder], {
				cwd: ROOT,
				encoding: 'utf8',
			}),
		) as Array<{ filename: string }>;
		const modules = join(folder, 'node_modules');
		installed = join(modules, 'n8n-nodes-pagerduty');
		mkdirSync(installed, { recursive: true });
		execFileSync('tar', [
			'-xzf',
			join(folder, packed.filename),
			'-C',
			installed,
			'--strip-components=1',
		]);
		manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as PackageJson;
		// The declared peers, as the host provides them (this project pins n8n 2.41's n8n-workflow).
		for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
			symlinkSync(join(ROOT, 'node_modules', peer), join(modules, peer), 'dir');
		}
	}, 120_000);

	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	it('declares n8n-workflow as its only peer and has no runtime dependencies', () => {
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(manifest.dependencies ?? {}).toEqual({});
	});

	it('loads every node and credential with only that', () => {
		const files = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
		// Each file's exports are instantiated: a module missing at runtime fails the require.
		const script = `
			const files = JSON.parse(process.argv[1]);
			const loaded = files.map((file) => {
				const exports = require(require('path').join(process.cwd(), file));
				return Object.values(exports).map((Type) => {
					const instance = new Type();
					return instance.description?.name ?? instance.name;
				});
			});
			process.stdout.write(JSON.stringify(loaded.flat()));
		`;
		const env = { PATH: process.env.PATH ?? '' };
		const names = JSON.parse(
			execFileSync(process.execPath, ['-e', script, JSON.stringify(files)], {
				cwd: installed,
				env,
				encoding: 'utf8',
			}),
		) as string[];
		expect(names).toEqual([
			'pagerDuty',
			'pagerDutyEvents',
			'pagerDutyTrigger',
			'pagerDutyRestApi',
			'pagerDutyEventsV2Api',
			'pagerDutyRestOAuth2Api',
			'pagerDutyScopedOAuth2Api',
		]);
	});

	it('requires no module it does not declare', () => {
		const required = new Set<string>();
		for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
			const code = readFileSync(join(installed, file), 'utf8');
			for (const [, name] of code.matchAll(/require\("([^"./][^"]*)"\)/g)) required.add(name);
		}
		const builtins = new Set(builtinModules);
		const external = [...required].filter((name) => !builtins.has(name.replace(/^node:/, '')));
		expect(external).toEqual(Object.keys(manifest.peerDependencies ?? {}));
	});
});
