#!/usr/bin/env node
'use strict';

/**
 * Derives what the PagerDuty node needs under Scoped OAuth from two facts kept elsewhere: the
 * endpoints each operation declares (the registry, nodes/PagerDuty/actions) and the scope PagerDuty
 * requires per endpoint (nodes/shared/scopes.generated.json, from tools/derive-contract.js).
 *
 * Writes:
 * - nodes/shared/nodeScopes.generated.json: every operation's scopes, and the Scoped OAuth2
 *   credential's presets ("everything this node can do", read-only and read/write);
 * - README.md between the scope-table markers: the table "operation → scopes".
 *
 * Usage:
 *   node tools/derive-scopes.js          write both
 *   node tools/derive-scopes.js --check  exit 1 when either differs from what the registry implies
 *
 * Operations added later are picked up by running it again (CI runs --check).
 */

const fs = require('fs');
const Module = require('module');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..');
const REGISTRY_ENTRY = path.join(REPO_ROOT, 'nodes', 'PagerDuty', 'actions', 'index.ts');
const SCOPE_TABLE_FILE = path.join(REPO_ROOT, 'nodes', 'shared', 'scopes.generated.json');
const OUTPUT_FILE = path.join(REPO_ROOT, 'nodes', 'shared', 'nodeScopes.generated.json');
const README_FILE = path.join(REPO_ROOT, 'README.md');
const TABLE_START = '<!-- scope-table:start (tools/derive-scopes.js writes this table) -->';
const TABLE_END = '<!-- scope-table:end -->';

const byName = (a, b) => a.localeCompare(b, 'en');
const unique = (values) => [...new Set(values)].sort(byName);

/**
 * Each operation's scopes (those of its declared REST endpoints), the REST endpoints PagerDuty names
 * no scope for, and the presets: every scope of every operation, and the read scopes among them.
 * The Custom API Call ('any') and the Events API operations (routing key) take no part in presets.
 */
function deriveNodeScopes(resources, scopeTable) {
	const operations = [];
	for (const resource of resources) {
		for (const operation of resource.operations) {
			const entry = { resource: resource.option.name, operation: operation.name };
			if (operation.endpoints === 'any') {
				operations.push({ ...entry, api: 'any' });
				continue;
			}
			const rest = operation.endpoints.filter((endpoint) => endpoint in scopeTable.operations);
			if (rest.length === 0) {
				operations.push({ ...entry, api: 'events' });
				continue;
			}
			const unscoped = rest.filter((endpoint) => scopeTable.operations[endpoint] === null);
			operations.push({
				...entry,
				api: 'rest',
				scopes: unique(rest.map((endpoint) => scopeTable.operations[endpoint]).filter(Boolean)),
				...(unscoped.length > 0 && { unscopedEndpoints: unique(unscoped) }),
			});
		}
	}
	operations.sort((a, b) => byName(a.resource, b.resource) || byName(a.operation, b.operation));
	const all = unique(operations.flatMap((operation) => operation.scopes ?? []));
	return {
		generatedBy: 'tools/derive-scopes.js',
		presets: {
			readOnly: all.filter((scope) => scope.endsWith('.read')),
			readWrite: all,
		},
		operations,
	};
}

const code = (scopes) => scopes.map((scope) => `\`${scope}\``).join(', ');

/** The README's table: one row per operation. */
function readmeTable(derived) {
	const rows = derived.operations.map((operation) => {
		let scopes;
		if (operation.api === 'any') {
			scopes = 'the scope of the endpoint it calls, looked up by method and path when it runs';
		} else if (operation.api === 'events') {
			scopes = 'none: the Events API v2 uses a routing key, not OAuth';
		} else {
			const unscoped = operation.unscopedEndpoints
				? `PagerDuty names no scope for ${operation.unscopedEndpoints.map((endpoint) => `\`${endpoint}\``).join(', ')}`
				: '';
			scopes = [code(operation.scopes), unscoped].filter(Boolean).join('; ');
		}
		return `| ${operation.resource} | ${operation.operation} | ${scopes} |`;
	});
	return [
		TABLE_START,
		'| Resource | Operation | Scopes it needs |',
		'|---|---|---|',
		...rows,
		TABLE_END,
	].join('\n');
}

function replaceTable(readme, table) {
	const start = readme.indexOf(TABLE_START);
	const end = readme.indexOf(TABLE_END);
	if (start < 0 || end < start)
		throw new Error(`README.md lacks the markers ${TABLE_START} … ${TABLE_END}`);
	return readme.slice(0, start) + table + readme.slice(end + TABLE_END.length);
}

/** The registry's resources, compiled from TypeScript with esbuild (n8n-workflow and zod from node_modules). */
function loadResources() {
	const esbuild = require('esbuild');
	const { outputFiles } = esbuild.buildSync({
		absWorkingDir: REPO_ROOT,
		entryPoints: [REGISTRY_ENTRY],
		bundle: true,
		write: false,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		external: ['n8n-workflow', 'zod'],
		logLevel: 'warning',
	});
	const filename = path.join(path.dirname(REGISTRY_ENTRY), 'registry.derived.js');
	const compiled = new Module(filename, module);
	compiled.filename = filename;
	compiled.paths = Module._nodeModulePaths(path.dirname(filename));
	compiled._compile(outputFiles[0].text, filename);
	return compiled.exports.resources;
}

async function formatJson(text, file) {
	const prettier = require('prettier');
	const options = (await prettier.resolveConfig(file)) ?? {};
	return await prettier.format(text, { ...options, filepath: file });
}

async function main() {
	const check = process.argv.includes('--check');
	const scopeTable = JSON.parse(fs.readFileSync(SCOPE_TABLE_FILE, 'utf8'));
	const derived = deriveNodeScopes(loadResources(), scopeTable);
	const outputs = [
		[OUTPUT_FILE, await formatJson(JSON.stringify(derived), OUTPUT_FILE)],
		[README_FILE, replaceTable(fs.readFileSync(README_FILE, 'utf8'), readmeTable(derived))],
	];
	let drifted = false;
	for (const [file, text] of outputs) {
		const relative = path.relative(REPO_ROOT, file);
		const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
		if (current === text) continue;
		if (check) {
			drifted = true;
			process.stderr.write(
				`derive-scopes: ${relative} differs from what the registry implies; run npm run scopes\n`,
			);
		} else {
			fs.writeFileSync(file, text);
			process.stdout.write(`derive-scopes: wrote ${relative}\n`);
		}
	}
	if (drifted) process.exit(1);
	const covered = derived.operations.filter((operation) => operation.api === 'rest').length;
	process.stdout.write(
		`derive-scopes: ${derived.operations.length} operations (${covered} REST with declared endpoints), ` +
			`presets ${derived.presets.readOnly.length} read-only / ${derived.presets.readWrite.length} read/write scopes\n`,
	);
}

module.exports = { deriveNodeScopes, readmeTable };

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`derive-scopes: ${error.stack ?? error}\n`);
		process.exit(1);
	});
}
