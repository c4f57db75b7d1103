// The lint n8n applies when it verifies a community package, run here: `node tools/lint-n8n.js <linter folder>`
// (tools/lint-n8n.sh installs the folder and calls this). Two legs, 0 errors and 0 warnings or exit 1:
// - source: @n8n/node-cli's ESLint config, what `n8n-node lint` runs, on package.json, credentials/ and nodes/;
// - tarball: the community rules on the packed package's JavaScript and package.json with inline disables
//   ignored, as n8n's package scanner lints what is published (its .ts-only rule sets cannot apply there).
// It also lists, without failing, what the scanner's source leg would report: it ignores inline disables there too.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const SOURCE_FILES = ['package.json', 'credentials/**/*.ts', 'nodes/**/*.ts'];
const TARBALL_FILES = ['**/*.js', 'package.json'];

async function main() {
	const linterDir = process.argv[2];
	if (!linterDir)
		throw new Error('usage: node tools/lint-n8n.js <folder with @n8n/node-cli installed>');
	const fromLinter = (name) => require(require.resolve(name, { paths: [linterDir] }));
	const { ESLint } = fromLinter('eslint');
	const cli = fromLinter('@n8n/node-cli/eslint');
	const communityNodes = (
		await import(
			require.resolve('@n8n/eslint-plugin-community-nodes', {
				paths: [path.dirname(require.resolve('@n8n/node-cli/eslint', { paths: [linterDir] }))],
			})
		)
	).n8nCommunityNodesPlugin;
	const nodesBase = fromLinter('eslint-plugin-n8n-nodes-base');
	const parser = fromLinter('@typescript-eslint/parser');

	const sourceConfig = [
		...cli.config,
		// This repository's own lint runs eslint-plugin-n8n-nodes-base 2.0, the CLI pins 1.x: a disable that only
		// 2.0 needs is unused here, which is no finding about the package.
		{ linterOptions: { reportUnusedDisableDirectives: 'off' } },
	];
	const tarballConfig = [
		communityNodes.configs.recommended,
		{ rules: { 'no-console': 'error' } },
		{
			files: ['package.json'],
			plugins: { 'n8n-nodes-base': nodesBase },
			rules: nodesBase.configs.community.rules,
			languageOptions: { parser },
		},
	];

	const lint = async (cwd, config, files, allowInlineConfig) => {
		const eslint = new ESLint({
			cwd,
			overrideConfigFile: true,
			overrideConfig: config,
			allowInlineConfig,
		});
		const results = await eslint.lintFiles(files);
		const formatter = await eslint.loadFormatter('stylish');
		const count = (key) => results.reduce((sum, result) => sum + result[key], 0);
		return {
			files: results.length,
			errors: count('errorCount'),
			warnings: count('warningCount'),
			report: await formatter.format(results),
		};
	};

	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-lint-n8n-'));
	try {
		execFileSync('npm', ['pack', '--pack-destination', packDir, '--loglevel=error'], {
			cwd: root,
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		const tarball = fs.readdirSync(packDir).find((name) => name.endsWith('.tgz'));
		const unpacked = path.join(packDir, 'package');
		fs.mkdirSync(unpacked);
		execFileSync('tar', [
			'-xzf',
			path.join(packDir, tarball),
			'-C',
			unpacked,
			'--strip-components=1',
		]);

		const legs = [
			['source (n8n-node lint)', await lint(root, sourceConfig, SOURCE_FILES, true)],
			[
				'tarball (scanner, inline disables ignored)',
				await lint(unpacked, tarballConfig, TARBALL_FILES, false),
			],
		];
		let failed = false;
		for (const [name, result] of legs) {
			console.log(
				`lint:n8n ${name}: ${result.files} files, ${result.errors} errors, ${result.warnings} warnings`,
			);
			if (result.errors + result.warnings > 0) {
				failed = true;
				console.log(result.report);
			}
		}
		const scannerView = await lint(root, sourceConfig, SOURCE_FILES, false);
		if (scannerView.errors + scannerView.warnings > 0) {
			console.log(
				`lint:n8n note: the scanner's source leg ignores inline disables too; it would report ` +
					`${scannerView.errors} errors, ${scannerView.warnings} warnings (not failing this check):`,
			);
			console.log(scannerView.report);
		}
		process.exitCode = failed ? 1 : 0;
	} finally {
		fs.rmSync(packDir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
