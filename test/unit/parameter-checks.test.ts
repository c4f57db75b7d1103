import type { IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { resources } from '../../nodes/PagerDuty/actions';
import type { Operation } from '../../nodes/PagerDuty/actions/registry';
import { requestSettingsField } from '../../nodes/PagerDuty/descriptions/common';
import { checkParameters } from '../../nodes/shared/parameterChecks';

const node = { name: 'PagerDuty' } as INode;

/** A context whose parameters hold these values (the rest: absent). */
const contextWith = (values: Record<string, unknown>) =>
	({
		getNode: () => node,
		getTimezone: () => 'Europe/Berlin',
		getNodeParameter: (name: string, _itemIndex: number, fallback: unknown) =>
			name in values ? values[name] : fallback,
	}) as unknown as IExecuteFunctions;

const problem = (properties: INodeProperties[], values: Record<string, unknown>) => {
	try {
		checkParameters(contextWith(values), 2, properties);
		return undefined;
	} catch (error) {
		return (error as Error).message;
	}
};

describe('checkParameters', () => {
	it.each(
		resources.flatMap((resource) =>
			resource.operations.map((operation): [string, Operation] => [
				`${resource.option.value} ${operation.value}`,
				operation,
			]),
		),
	)("%s: every operation's defaults pass its own checks", (_resource, operation) => {
		const properties = [...operation.properties, requestSettingsField];
		const defaults = Object.fromEntries(
			properties.map((property) => [property.name, property.default]),
		);
		expect(problem(properties, defaults)).toBeUndefined();
	});

	const layers: INodeProperties = {
		displayName: 'Layers',
		name: 'layers',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		options: [
			{
				displayName: 'Layer',
				name: 'layer',
				values: [
					{ displayName: 'Start', name: 'start', type: 'dateTime', default: '' },
					{ displayName: 'End', name: 'end', type: 'dateTime', default: '' },
					{
						displayName: 'Turn Length',
						name: 'turnLength',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 24 },
						default: 1,
					},
				],
			},
		],
	};

	it('checks inside fixed collections, naming the entry', () => {
		expect(problem([layers], { layers: { layer: [{ turnLength: 2 }, { turnLength: 30 }] } })).toBe(
			'"Layers → Layer 2 → Turn Length" must be a whole number from 1 to 24 (not 30) [item 2]',
		);
		expect(
			problem([layers], {
				layers: { layer: [{ start: '2026-11-01T10:00:00', end: '2026-11-01T09:30:00+01:00' }] },
			}),
		).toBe('"Layers → Layer 1 → End" must be after "Start" [item 2]');
	});

	it('reads a window without offsets in the workflow time zone before comparing', () => {
		const window: INodeProperties[] = [
			{ displayName: 'Since', name: 'since', type: 'dateTime', default: '' },
			{ displayName: 'Until', name: 'until', type: 'dateTime', default: '' },
		];
		// 10:00 in Berlin is 09:00 UTC: the same instant as the Until, an empty window, allowed for lists.
		expect(
			problem(window, { since: '2026-11-01T10:00:00', until: '2026-11-01T09:00:00Z' }),
		).toBeUndefined();
		expect(problem(window, { since: '2026-11-01T10:00:00', until: '2026-11-01T08:59:59Z' })).toBe(
			'"Until" must not be before Since [item 2]',
		);
	});

	it('accepts numbers given as text, and refuses what is no number', () => {
		const limit: INodeProperties = {
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
		};
		expect(problem([limit], { limit: '7' })).toBeUndefined();
		expect(problem([limit], { limit: Infinity })).toBe(
			'"Limit" must be a whole number of at least 1 (not Infinity) [item 2]',
		);
		expect(problem([limit], { limit: [3] })).toBe(
			'"Limit" must be a whole number of at least 1 (not [3]) [item 2]',
		);
	});
});
