import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { Settled } from '../../shared/concurrency';
import { sortedByName } from '../descriptions/common';

export type OperationResult = IDataObject | IDataObject[];

/**
 * A PagerDuty endpoint as the API contract names it: method and path template, e.g.
 * `'GET /incidents/{id}'` (REST) or `'POST /v2/enqueue'` (Events).
 */
export type Endpoint = `${'GET' | 'POST' | 'PUT' | 'DELETE'} /${string}`;

/** One operation of a resource: its entry in the Operation list, its fields and what it does. */
export interface Operation {
	/** The saved `operation` value. */
	value: string;
	/** The Operation list's entry. */
	name: string;
	/**
	 * The label n8n shows in the node panel and gives AI tools: derived from the name and the
	 * resource's noun ("Get an incident", "Get many incidents"). Set it only where it says more
	 * than that, e.g. a qualifier ("Get many log entries for an incident").
	 */
	action?: string;
	description: string;
	/** Every endpoint the operation may call; 'any' for the Custom API Call. */
	endpoints: readonly Endpoint[] | 'any';
	/** Its fields, without displayOptions for resource and operation: the registry adds those. */
	properties: INodeProperties[];
	/**
	 * Fields it checks itself, in words of its own: the router's checks of every declared field
	 * (numbers, options, date-times, links, time windows) leave these out.
	 */
	checksItself?: readonly string[];
	/** What it does for one input item. */
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
	/** Handles many items together (e.g. one bulk request for many updates); one result per item, in order. */
	executeBatch?(
		this: IExecuteFunctions,
		itemIndexes: number[],
	): Promise<Array<Settled<OperationResult>>>;
}

/** One resource: its entry in the Resource list, what its operations act on, and its operations. */
export interface Resource {
	/** The Resource list's entry; `value` is the saved `resource` value. */
	option: { name: string; value: string; description: string };
	/** What one operation acts on, as the derived actions name it: "an incident", "many incidents". */
	noun: string;
	plural: string;
	/** Not derived from the noun's first letter: "a user", "an incident". */
	article: 'a' | 'an';
	/** Words besides the noun that n8n's node search should find the node by, e.g. 'snooze'. */
	keywords?: string[];
	/** The operation a new node starts with (saved workflows omit it when unchanged: never change it). */
	defaultOperation: string;
	/** In the order their fields stand in the node's properties; the Operation list is sorted by name. */
	operations: Operation[];
}

export const defineOperation = (operation: Operation): Operation => operation;

export const defineResource = (resource: Resource): Resource => resource;

const byName = <T extends { name: string }>(options: T[]) =>
	sortedByName(options, (option) => option.name);

/** n8n's name for the entry that reaches any endpoint: n8n's lists end with it, and so does ours. */
export const CUSTOM_API_CALL = 'Custom API Call';

/** The node's Resource list: by name, with Custom API Call last. */
export function resourceOptions(resources: Resource[]): INodePropertyOptions[] {
	const options = byName(resources.map(({ option }) => option));
	const isCustomApiCall = (option: { name: string }) => option.name === CUSTOM_API_CALL;
	return [
		...options.filter((option) => !isCustomApiCall(option)),
		...options.filter(isCustomApiCall),
	];
}

/** An operation name in sentence case, as n8n writes actions: "Get On-Call Users" → "Get on-call users". */
export function sentenceCase(name: string): string {
	return name
		.split(' ')
		.map((word, index) => (index === 0 || word === word.toUpperCase() ? word : word.toLowerCase()))
		.join(' ');
}

/**
 * The operation's action label (n8n's rule: the operation's name in sentence case, then what it acts
 * on): "Get an incident", "Get many incidents", "Update many alerts"; or the operation's own.
 */
export function actionOf(resource: Resource, operation: Operation): string {
	if (operation.action !== undefined) return operation.action;
	const name = sentenceCase(operation.name);
	return / many$/.test(name)
		? `${name} ${resource.plural}`
		: `${name} ${resource.article} ${resource.noun}`;
}

/**
 * What one node offers: its resources. A node with one resource (PagerDuty Events) has no Resource
 * field; its Operation list and fields stand alone.
 */
export interface NodeActions {
	resources: Resource[];
	/** Whole tasks as users type them into n8n's node search, e.g. 'who is on call'. */
	taskPhrases: string[];
}

export const defineNode = (node: NodeActions): NodeActions => node;

/** Whether the node shows a Resource field (and saves a `resource` parameter). */
export const hasResourceField = (node: NodeActions) => node.resources.length > 1;

/**
 * A resource's Operation list and every operation's fields, shown for that operation only (and that
 * resource, when the node has a Resource field).
 */
export function resourceProperties(node: NodeActions, resource: Resource): INodeProperties[] {
	const shownFor = (operation?: string) => ({
		...(hasResourceField(node) && { resource: [resource.option.value] }),
		...(operation !== undefined && { operation: [operation] }),
	});
	// The default is the resource's own; the rule cannot read a computed one.
	// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
	const operationField: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		default: resource.defaultOperation,
		noDataExpression: true,
		...(hasResourceField(node) && { displayOptions: { show: shownFor() } }),
		options: byName(
			resource.operations.map((operation) => ({
				name: operation.name,
				value: operation.value,
				description: operation.description,
				action: actionOf(resource, operation),
			})),
		),
	};
	const fields = resource.operations.flatMap((operation) =>
		operation.properties.map((property) => ({
			...property,
			displayOptions: {
				...property.displayOptions,
				show: { ...property.displayOptions?.show, ...shownFor(operation.value) },
			},
		})),
	);
	return [operationField, ...fields];
}

/** Every resource's Operation list and fields, in the order the node lists its resources. */
export const operationProperties = (node: NodeActions): INodeProperties[] =>
	node.resources.flatMap((resource) => resourceProperties(node, resource));

/**
 * The node's subtitle on the canvas: the chosen operation's action ("Snooze an incident"), looked up
 * in a table of every action (an expression can read parameters, not the registry).
 */
export function subtitle(node: NodeActions): string {
	const keyOf = (resource: Resource, operation: Operation) =>
		hasResourceField(node) ? `${resource.option.value}:${operation.value}` : operation.value;
	const actions = Object.fromEntries(
		node.resources.flatMap((resource) =>
			resource.operations.map((operation) => [
				keyOf(resource, operation),
				actionOf(resource, operation),
			]),
		),
	);
	const key = hasResourceField(node)
		? '$parameter["resource"] + ":" + $parameter["operation"]'
		: '$parameter["operation"]';
	return `={{ ${JSON.stringify(actions)}[${key}] ?? $parameter["operation"] }}`;
}

/** Nouns too common to lead n8n's node search to PagerDuty ("user", "api" find n8n's own nodes). */
const TOO_COMMON_TO_SEARCH = new Set(['user', 'API request']);

/**
 * What n8n's node search finds the node by besides its name (the codex `alias`, written by the
 * build): its resources' nouns and keywords and its task phrases. n8n matches a query against these
 * as a subsequence and never searches action labels, so long or generic entries would put PagerDuty
 * first for unrelated queries.
 */
export function searchAliases(node: NodeActions): string[] {
	const aliases = node.resources.flatMap((resource) => [
		...(TOO_COMMON_TO_SEARCH.has(resource.noun) ? [] : [resource.noun]),
		...(resource.keywords ?? []),
	]);
	return [...new Set([...aliases, ...node.taskPhrases])];
}

/**
 * The resource and operation a node's parameters name, if the node has them. `resource` is ignored
 * by a node without a Resource field: it has one resource.
 */
export function findOperation(
	node: NodeActions,
	resource: string | undefined,
	operation: string,
): { resource: Resource; operation: Operation } | undefined {
	const found = hasResourceField(node)
		? node.resources.find(({ option }) => option.value === resource)
		: node.resources[0];
	const named = found?.operations.find(({ value }) => value === operation);
	return found && named ? { resource: found, operation: named } : undefined;
}
