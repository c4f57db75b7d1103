import { readFileSync } from 'fs';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { join } from 'path';

import { resources } from '../../nodes/PagerDuty/actions';
import { PagerDuty } from '../../nodes/PagerDuty/PagerDuty.node';

const { properties } = new PagerDuty().description;
const optionsOf = (name: string, resource?: string) =>
	properties.find(
		(property) =>
			property.name === name &&
			(resource === undefined || property.displayOptions?.show?.resource?.[0] === resource),
	)?.options as INodePropertyOptions[];

// n8n's lint sorts options with localeCompare; the node sorts them without a collator at load time.
const sortedByName = (options: Array<{ name: string }>) =>
	[...options].sort((a, b) => a.name.localeCompare(b.name)).map((option) => option.name);

const contractKeys = new Set(
	['rest-v2', 'events-v2'].flatMap((api) =>
		Object.keys(
			(
				JSON.parse(
					readFileSync(join(__dirname, `../../dev/contract/${api}.contract.json`), 'utf8'),
				) as { operations: Record<string, unknown> }
			).operations,
		),
	),
);

describe('the resource registry', () => {
	it('lists every resource once, sorted by name in the Resource list', () => {
		const values = resources.map(({ option }) => option.value);
		expect(new Set(values).size).toBe(values.length);
		const options = optionsOf('resource');
		expect(options.map((option) => option.name)).toEqual(sortedByName(options));
		expect(options.map((option) => option.value).sort()).toEqual([...values].sort());
	});

	it.each(resources.map((resource) => [resource.option.value, resource] as const))(
		'%s: unique operations, sorted by name, with its default among them',
		(value, resource) => {
			const operationValues = resource.operations.map((operation) => operation.value);
			expect(new Set(operationValues).size).toBe(operationValues.length);
			const options = optionsOf('operation', value);
			expect(options.map((option) => option.name)).toEqual(sortedByName(options));
			expect(operationValues).toContain(resource.defaultOperation);
			for (const operation of resource.operations) {
				expect(operation.action).not.toBe('');
				expect(operation.description).not.toBe('');
			}
		},
	);

	it("shows every operation's fields for its own resource and operation only", () => {
		const fields = properties.filter(
			(property: INodeProperties) => property.displayOptions?.show?.operation,
		);
		const expected = resources.flatMap((resource) =>
			resource.operations.flatMap((operation) =>
				operation.properties.map(() => [resource.option.value, operation.value]),
			),
		);
		expect(
			fields.map((field) => [
				field.displayOptions!.show!.resource,
				field.displayOptions!.show!.operation,
			]),
		).toEqual(expected.map(([resource, operation]) => [[resource], [operation]]));
	});

	it("declares only endpoints of PagerDuty's contract", () => {
		for (const resource of resources) {
			for (const operation of resource.operations) {
				if (operation.endpoints === 'any') continue;
				expect(operation.endpoints.length).toBeGreaterThan(0);
				const unknown = operation.endpoints.filter((endpoint) => !contractKeys.has(endpoint));
				expect({ operation: `${resource.option.value}.${operation.value}`, unknown }).toEqual({
					operation: `${resource.option.value}.${operation.value}`,
					unknown: [],
				});
			}
		}
	});
});
