import { readFileSync } from 'fs';
import type { INode, INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { join } from 'path';

import { TestNodeTypes } from '../../dev/harness/node-types';
import { resources } from '../../nodes/PagerDuty/actions';
import { nodeActions } from '../../nodes/PagerDuty/actions/nodes';
import type { NodeActions } from '../../nodes/PagerDuty/actions/registry';
import {
	actionOf,
	hasResourceField,
	searchAliases,
	sentenceCase,
} from '../../nodes/PagerDuty/actions/registry';
import { PagerDuty } from '../../nodes/PagerDuty/PagerDuty.node';
import { PagerDutyEvents } from '../../nodes/PagerDuty/PagerDutyEvents.node';

/** Each node built from the registry, with its actions. */
const nodes: Array<[string, INodeType, NodeActions]> = [
	['PagerDuty', new PagerDuty(), nodeActions.pagerDuty],
	['PagerDuty Events', new PagerDutyEvents(), nodeActions.pagerDutyEvents],
];
const allResources = nodes.flatMap(([, , node]) => node.resources);

const { properties } = new PagerDuty().description;
const optionsOf = (nodeProperties: INodeProperties[], name: string, resource?: string) =>
	nodeProperties.find(
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
	it('lists every resource once, sorted by name in the Resource list, Custom API Call last', () => {
		const values = resources.map(({ option }) => option.value);
		expect(new Set(values).size).toBe(values.length);
		const options = [...optionsOf(properties, 'resource')];
		const customApiCall = options.pop();
		expect(customApiCall).toMatchObject({ name: 'Custom API Call', value: 'apiCall' });
		expect(options.map((option) => option.name)).toEqual(sortedByName(options));
		expect([...options, customApiCall!].map((option) => option.value).sort()).toEqual(
			[...values].sort(),
		);
	});

	it.each(nodes)(
		'%s declares its version as a list, so n8n adds no Custom API Call entry of its own',
		(_name, nodeType) => {
			const { version, defaultVersion } = nodeType.description;
			expect(version).toEqual([1]);
			expect(defaultVersion).toBe(1);
		},
	);

	it.each(nodes)(
		'%s: every list and picker names a method the node has (loadOptions, listSearch)',
		(_name, nodeType) => {
			const methods = nodeType.methods ?? {};
			const missing: string[] = [];
			const visit = (property: INodeProperties | INodePropertyOptions): void => {
				const field = property as INodeProperties;
				const loadMethod = field.typeOptions?.loadOptionsMethod as string | undefined;
				if (loadMethod && !methods.loadOptions?.[loadMethod]) missing.push(loadMethod);
				for (const mode of field.modes ?? []) {
					const search = mode.typeOptions?.searchListMethod;
					if (search && !methods.listSearch?.[search]) missing.push(search);
				}
				for (const child of (field.options ?? []) as Array<
					INodeProperties | { values?: INodeProperties[] }
				>) {
					if ('values' in child && child.values) child.values.forEach(visit);
					else visit(child as INodeProperties);
				}
			};
			nodeType.description.properties.forEach(visit);
			expect(missing).toEqual([]);
		},
	);

	it('gives the PagerDuty Events node its one resource without a Resource field', () => {
		const eventsProperties = new PagerDutyEvents().description.properties;
		expect(hasResourceField(nodeActions.pagerDutyEvents)).toBe(false);
		expect(eventsProperties.find(({ name }) => name === 'resource')).toBeUndefined();
		expect(optionsOf(eventsProperties, 'operation').map(({ name }) => name)).toEqual([
			'Acknowledge',
			'Resolve',
			'Send Change Event',
			'Trigger',
		]);
		expect(resources.map(({ option }) => option.value)).not.toContain('event');
	});

	it.each(
		nodes.flatMap(([, nodeType, node]) =>
			node.resources.map(
				(resource) =>
					[resource.option.value, nodeType.description.properties, node, resource] as const,
			),
		),
	)(
		'%s: unique operations, sorted by name, with its default among them',
		(value, nodeProperties, node, resource) => {
			const operationValues = resource.operations.map((operation) => operation.value);
			expect(new Set(operationValues).size).toBe(operationValues.length);
			const options = optionsOf(
				nodeProperties,
				'operation',
				hasResourceField(node) ? value : undefined,
			);
			expect(options.map((option) => option.name)).toEqual(sortedByName(options));
			expect(operationValues).toContain(resource.defaultOperation);
			for (const operation of resource.operations) {
				expect(operation.description).not.toBe('');
			}
		},
	);

	it.each(nodes)(
		"%s shows every operation's fields for its own resource and operation only",
		(_name, nodeType, node) => {
			const fields = nodeType.description.properties.filter(
				(property: INodeProperties) => property.displayOptions?.show?.operation,
			);
			const expected = node.resources.flatMap((resource) =>
				resource.operations.flatMap((operation) =>
					operation.properties.map(() => [
						hasResourceField(node) ? [resource.option.value] : undefined,
						[operation.value],
					]),
				),
			);
			expect(
				fields.map((field) => [
					field.displayOptions!.show!.resource,
					field.displayOptions!.show!.operation,
				]),
			).toEqual(expected);
		},
	);

	it("declares only endpoints of PagerDuty's contract", () => {
		for (const resource of allResources) {
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

	describe("action labels (n8n's rule: the operation's name in sentence case, then what it acts on)", () => {
		const operations = allResources.flatMap((resource) =>
			resource.operations.map((operation) => ({
				label: `${resource.option.value}.${operation.value}`,
				resource,
				operation,
			})),
		);
		const words = (text: string) =>
			text.split(' ').filter((word) => !['a', 'an', 'the'].includes(word));

		it.each(operations.map(({ label, resource, operation }) => [label, resource, operation]))(
			'%s: the action starts with the operation name and keeps its words, in sentence case',
			(_label, resource, operation) => {
				const action = words(actionOf(resource, operation));
				const name = words(sentenceCase(operation.name));
				expect(action[0]).toBe(name[0]);
				// Nouns and qualifiers may stand between the name's words ("Get many log entries for an
				// incident" for "Get Many for an Incident"); the name's words are all there, in order.
				let next = 0;
				for (const word of action) if (word === name[next]) next++;
				expect({ action: action.join(' '), missing: name.slice(next) }).toEqual({
					action: action.join(' '),
					missing: [],
				});
			},
		);

		it('is written out only where it says more than the derived one', () => {
			const redundant = operations
				.filter(({ operation }) => operation.action !== undefined)
				.filter(({ resource, operation }) => {
					const { action, ...derived } = operation;
					return actionOf(resource, derived) === action;
				})
				.map(({ label }) => label);
			expect(redundant).toEqual([]);
		});

		it('is written out where the name is more than a verb, which the derivation could not place', () => {
			const underived = operations
				.filter(({ operation }) => operation.action === undefined)
				.filter(({ operation }) => !/^\S+( Many)?$/.test(operation.name))
				.map(({ label }) => label);
			expect(underived).toEqual([]);
		});

		it('derives the common forms with the article and plural the resource gives', () => {
			const byLabel = Object.fromEntries(
				operations.map(({ label, resource, operation }) => [label, actionOf(resource, operation)]),
			);
			expect(byLabel['incident.get']).toBe('Get an incident');
			expect(byLabel['incident.getAll']).toBe('Get many incidents');
			expect(byLabel['incident.manageMany']).toBe('Update many incidents');
			expect(byLabel['onCall.getAll']).toBe('Get many on-calls');
			expect(byLabel['user.create']).toBe('Create a user');
			expect(byLabel['schedule.getOnCallUsers']).toBe('Get on-call users of a schedule');
		});
	});

	it.each(nodes)(
		"%s: the canvas subtitle is the chosen operation's action, as n8n evaluates it",
		(_name, nodeType, node) => {
			const subtitleFor = (parameters: INode['parameters']) => {
				const canvasNode: INode = {
					id: 'node',
					name: 'Node',
					type: 'test.node',
					typeVersion: 1,
					position: [0, 0],
					parameters,
				};
				const workflow = new Workflow({
					nodes: [canvasNode],
					connections: {},
					active: false,
					nodeTypes: new TestNodeTypes({ 'test.node': nodeType }),
				});
				return workflow.expression.getSimpleParameterValue(
					canvasNode,
					nodeType.description.subtitle!,
					'manual',
					{},
				);
			};
			for (const resource of node.resources) {
				for (const operation of resource.operations) {
					const parameters = {
						...(hasResourceField(node) && { resource: resource.option.value }),
						operation: operation.value,
					};
					expect([parameters, subtitleFor(parameters)]).toEqual([
						parameters,
						actionOf(resource, operation),
					]);
				}
			}
		},
	);

	describe("search aliases (the codex alias the build writes; n8n's node search matches subsequences)", () => {
		// A bare verb or a common noun matches most queries and would put PagerDuty before n8n's own nodes.
		const tooGeneric = [
			'get',
			'create',
			'update',
			'delete',
			'send',
			'set',
			'list',
			'add',
			'remove',
		];
		const tooCommon = ['user', 'api', 'request', 'api request', 'http', 'email', 'data', 'event'];

		it.each(nodes)('%s: short, lower case, specific and listed once', (_name, _nodeType, node) => {
			const aliases = searchAliases(node);
			expect(aliases.length).toBeGreaterThan(0);
			expect(new Set(aliases).size).toBe(aliases.length);
			for (const alias of aliases) {
				expect({ alias, words: alias.split(' ').length <= 4 }).toEqual({ alias, words: true });
				expect(alias).toBe(alias.toLowerCase());
				expect([...tooGeneric, ...tooCommon]).not.toContain(alias);
			}
		});

		it("PagerDuty's come from its resources' nouns and keywords, and its task phrases", () => {
			const aliases = searchAliases(nodeActions.pagerDuty);
			expect(aliases).toEqual(
				expect.arrayContaining(['incident', 'escalation policy', 'maintenance window', 'on-call']),
			);
			expect(aliases).toEqual(expect.arrayContaining(['snooze', 'override', 'who is on call']));
			expect(aliases).not.toContain('user');
			expect(searchAliases(nodeActions.pagerDutyEvents)).toContain('trigger an alert');
		});
	});

	describe('field order (n8n shows fields as listed; these follow the task, not the alphabet)', () => {
		const propertiesOf = (resource: string, operation: string) =>
			resources
				.find(({ option }) => option.value === resource)!
				.operations.find(({ value }) => value === operation)!.properties;
		const valuesOf = (field: INodeProperties | undefined) =>
			(field?.options as Array<{ values: INodeProperties[] }>)[0].values.map(({ name }) => name);

		it.each([
			['schedule', 'create'],
			['schedule', 'update'],
		])('%s → %s: a layer is who, from when, how long a turn, until when', (resource, operation) => {
			const layers = propertiesOf(resource, operation).find(({ name }) => name === 'layers');
			expect(valuesOf(layers)).toEqual([
				'name',
				'userIds',
				'start',
				'rotationVirtualStart',
				'turnLength',
				'turnLengthUnit',
				'end',
			]);
		});

		it('escalation policy → create: Name, Email, then the rules (who, after how long, how)', () => {
			const fields = propertiesOf('escalationPolicy', 'create');
			expect(fields.map(({ name }) => name)).toEqual([
				'name',
				'email',
				'escalationRules',
				'additionalFields',
			]);
			expect(valuesOf(fields.find(({ name }) => name === 'escalationRules'))).toEqual([
				'userIds',
				'scheduleIds',
				'delayMinutes',
				'assignmentStrategy',
			]);
		});
	});
});
