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
	/** The Operation list's entry: name, description, and the action n8n shows for AI tools. */
	name: string;
	action: string;
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

/** One resource: its entry in the Resource list and its operations. */
export interface Resource {
	/** The Resource list's entry; `value` is the saved `resource` value. */
	option: { name: string; value: string; description: string };
	/** The operation a new node starts with (saved workflows omit it when unchanged: never change it). */
	defaultOperation: string;
	/** In the order their fields stand in the node's properties; the Operation list is sorted by name. */
	operations: Operation[];
}

export const defineOperation = (operation: Operation): Operation => operation;

export const defineResource = (resource: Resource): Resource => resource;

const byName = <T extends { name: string }>(options: T[]) =>
	sortedByName(options, (option) => option.name);

/** The node's Resource list. */
export function resourceOptions(resources: Resource[]): INodePropertyOptions[] {
	return byName(resources.map(({ option }) => option));
}

/** A resource's Operation list and every operation's fields, shown for that resource and operation only. */
export function resourceProperties(resource: Resource): INodeProperties[] {
	// The default is the resource's own; the rule cannot read a computed one.
	// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
	const operationField: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		default: resource.defaultOperation,
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.option.value] } },
		options: byName(
			resource.operations.map(({ name, value, description, action }) => ({
				name,
				value,
				description,
				action,
			})),
		),
	};
	const fields = resource.operations.flatMap((operation) =>
		operation.properties.map((property) => ({
			...property,
			displayOptions: {
				...property.displayOptions,
				show: {
					...property.displayOptions?.show,
					resource: [resource.option.value],
					operation: [operation.value],
				},
			},
		})),
	);
	return [operationField, ...fields];
}

/** The operation a node's `resource` and `operation` parameters name, if the registry has it. */
export function findOperation(
	resources: Resource[],
	resource: string,
	operation: string,
): Operation | undefined {
	return resources
		.find(({ option }) => option.value === resource)
		?.operations.find(({ value }) => value === operation);
}
