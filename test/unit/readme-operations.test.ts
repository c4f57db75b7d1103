/**
 * README.md's Operations tables and its MCP tool table, checked against the registry: the registry
 * is where the operations are declared, and the README must list exactly those, so it cannot drift
 * from the code.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import { nodeActions } from '../../nodes/PagerDuty/actions/nodes';
import type { Operation, Resource } from '../../nodes/PagerDuty/actions/registry';
import { resourceOptions } from '../../nodes/PagerDuty/actions/registry';
import { sortedByName } from '../../nodes/PagerDuty/descriptions/common';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');

/** The text of README's `## <title>` section, up to the next `## ` heading. */
function section(title: string): string {
	const start = readme.indexOf(`\n## ${title}\n`);
	if (start < 0) throw new Error(`README.md has no section "## ${title}"`);
	const end = readme.indexOf('\n## ', start + 1);
	return readme.slice(start, end < 0 ? undefined : end);
}

/** The body rows of the Markdown table in `text` whose header row is `header`, as trimmed cells. */
function tableRows(text: string, header: string[]): string[][] {
	const lines = text.split('\n');
	const headerLine = `| ${header.join(' | ')} |`;
	const start = lines.indexOf(headerLine);
	if (start < 0) throw new Error(`no table with the header ${headerLine}`);
	const rows: string[][] = [];
	for (const line of lines.slice(start + 2)) {
		if (!line.startsWith('|')) break;
		const cells = line
			.slice(1, -1)
			.split('|')
			.map((cell) => cell.trim());
		// A cell holding "|" would shift the columns: say which row.
		expect({ line, cells: cells.length }).toEqual({ line, cells: header.length });
		rows.push(cells);
	}
	return rows;
}

const node = nodeActions.pagerDuty;
const eventsNode = nodeActions.pagerDutyEvents;
const count = (actions: typeof node) =>
	actions.resources.reduce((sum, resource) => sum + resource.operations.length, 0);

/** The node's resources and their operations in the editor's order: the Resource list, then by name. */
const editorOrder: Array<{ resource: Resource; operations: Operation[] }> = resourceOptions(
	node.resources,
).map((option) => {
	const resource = node.resources.find(({ option: { value } }) => value === option.value)!;
	return { resource, operations: sortedByName(resource.operations, ({ name }) => name) };
});
const registryPairs = editorOrder.flatMap(({ resource, operations }) =>
	operations.map((operation) => `${resource.option.name} → ${operation.name}`),
);
const operationsByPair = new Map(
	editorOrder.flatMap(({ resource, operations }) =>
		operations.map((operation) => [`${resource.option.name} → ${operation.name}`, operation]),
	),
);

const operationsSection = section('Operations');
const operationRows = tableRows(operationsSection, [
	'resource',
	'operation',
	'PagerDuty request',
	'drop-in',
]);
const readmePairs = operationRows.map(([resource, operation]) => `${resource} → ${operation}`);

/**
 * The API paths written in a request cell's code spans, with every `{…}` placeholder as `{}`. A
 * placeholder listing alternatives (`/{users,teams}/{id}/tags`) also stands for each of them.
 */
function pathsIn(cell: string): Set<string> {
	const paths = new Set<string>();
	const segment = String.raw`(?:[\w.-]|\{[^}]*\})+`;
	const pathPattern = new RegExp(String.raw`(?<![\w}])/${segment}(?:/${segment})*`, 'g');
	for (const [, code] of cell.matchAll(/`([^`]*)`/g)) {
		for (const [path] of code.matchAll(pathPattern)) {
			paths.add(normalisePath(path));
			const alternatives = /\{([^}]*,[^}]*)\}/.exec(path);
			if (alternatives)
				for (const alternative of alternatives[1].split(','))
					paths.add(normalisePath(path.replace(alternatives[0], alternative.trim())));
		}
	}
	return paths;
}

const normalisePath = (path: string) => path.replace(/\{[^}]*\}/g, '{}');

describe("README's Operations section", () => {
	it('lists every operation of the PagerDuty node once, and no other', () => {
		expect(new Set(readmePairs).size).toBe(readmePairs.length);
		expect([...readmePairs].sort()).toEqual([...registryPairs].sort());
	});

	it("lists them in the editor's order: resources as the Resource list has them, then by name", () => {
		expect(readmePairs).toEqual(registryPairs);
	});

	it("names, in each row's request, at least one endpoint path its operation declares", () => {
		const mismatches = operationRows.flatMap(([resource, operation, request]) => {
			const declared = operationsByPair.get(`${resource} → ${operation}`)?.endpoints;
			if (declared === undefined || declared === 'any') return [];
			const written = pathsIn(request);
			const paths = declared.map((endpoint) =>
				normalisePath(endpoint.slice(endpoint.indexOf(' ') + 1)),
			);
			return paths.some((path) => written.has(path))
				? []
				: [{ row: `${resource} → ${operation}`, declared, written: [...written] }];
		});
		expect(mismatches).toEqual([]);
	});

	it('marks drop-in operations with ✓ and nothing else', () => {
		expect(operationRows.filter(([, , , dropIn]) => !['', '✓'].includes(dropIn))).toEqual([]);
	});

	it("gives the registry's totals and operations per resource", () => {
		const totals =
			/The \*\*PagerDuty\*\* node has \*\*(\d+) operations\*\* in (\d+) resources/.exec(
				operationsSection,
			);
		expect(totals?.slice(1).map(Number)).toEqual([count(node), node.resources.length]);
		const events = /the \*\*PagerDuty Events\*\*\s+node has (\d+) more/.exec(operationsSection);
		expect(Number(events?.[1])).toBe(count(eventsNode));
		const perResource = tableRows(operationsSection, ['resource', 'operations']);
		expect(perResource).toEqual([
			...editorOrder.map(({ resource, operations }) => [
				resource.option.name,
				String(operations.length),
			]),
			['**total**', `**${count(node)}**`],
		]);
	});
});

describe("README's PagerDuty MCP server tool table", () => {
	const mcpSection = section('PagerDuty MCP server tools → this package');
	const rows = tableRows(mcpSection, [
		'MCP tool',
		'R/W',
		'PagerDuty node: resource → operation',
		'note',
	]);

	it('names each tool once, read or write, as many as the section says', () => {
		const tools = rows.map(([tool]) => tool);
		expect(new Set(tools).size).toBe(tools.length);
		const stated = /has (\d+) tools: (\d+) read tools, and (\d+) write tools/.exec(mcpSection);
		expect(stated?.slice(1).map(Number)).toEqual([
			rows.length,
			rows.filter(([, readWrite]) => readWrite === 'R').length,
			rows.filter(([, readWrite]) => readWrite === 'W').length,
		]);
	});

	it('maps every tool to operations the PagerDuty node has, or says in its note why none does', () => {
		const unknown = rows.flatMap(([tool, , mapped, note]) =>
			mapped === 'none'
				? note === ''
					? [{ tool, pair: 'none, without a reason' }]
					: []
				: mapped
						.split(';')
						.map((pair) => pair.trim())
						.filter((pair) => !operationsByPair.has(pair))
						.map((pair) => ({ tool, pair })),
		);
		expect(unknown).toEqual([]);
	});
});
