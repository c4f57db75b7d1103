import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { itemSuffix, sentences, toNodeError } from '../../shared/errors';
import type { ListPaging } from '../../shared/transport/paging';
import { pagerDutyApiRequestList } from '../../shared/transport/paging';
import { pagerDutyApiRequest, pagerDutyApiRequestRecords } from '../../shared/transport/rest';
import { withoutEmpty } from '../helpers/utils';

/** The "Return All" / "Limit" of a list operation for one item: undefined means all. */
export function maxItemsOf(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	// 100 is the default of "Limit", as in n8n's built-in node.
	return Number(context.getNodeParameter('limit', itemIndex, 100));
}

/** A record list PagerDuty returns whole (no paging): cut to the item's Limit, if any. */
export const upTo = (records: IDataObject[], maxItems: number | undefined) =>
	maxItems === undefined ? records : records.slice(0, maxItems);

/**
 * One item's list that PagerDuty answers whole (no paging): the records under `property` of one
 * GET, cut to the item's Limit.
 */
export async function readWholeList(
	context: IExecuteFunctions,
	itemIndex: number,
	list: { path: string; property: string; qs?: IDataObject },
): Promise<IDataObject[]> {
	const { path, property, qs } = list;
	const records = await pagerDutyApiRequestRecords.call(
		context,
		{ method: 'GET', path, ...(qs && { qs }) },
		property,
	);
	return upTo(records, maxItemsOf(context, itemIndex));
}

/** A REST list as an operation reads it for one item. */
export interface ListCall {
	path: string;
	/** The answer's property that holds the records, e.g. `services`. */
	property: string;
	/** How PagerDuty pages this list; `offset` (with `total`) when absent. */
	paging?: ListPaging;
	/** The query for the item's "Options" collection; empty values are dropped. */
	query?(options: IDataObject): IDataObject;
	/** Shapes each record when the item's "Simplify" is on (`byDefault`: the field's default). */
	simplify?: { byDefault: boolean; record(record: IDataObject, options: IDataObject): IDataObject };
}

/** One item's list: its Options as the query, all records or up to its Limit, simplified when asked. */
export async function readList(
	context: IExecuteFunctions,
	itemIndex: number,
	list: ListCall,
): Promise<IDataObject[]> {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const records = await pagerDutyApiRequestList.call(
		context,
		{ method: 'GET', path: list.path, qs: withoutEmpty(list.query?.(options) ?? {}) },
		list.property,
		list.paging ?? 'offset',
		maxItemsOf(context, itemIndex),
	);
	const { simplify } = list;
	if (!simplify || !context.getNodeParameter('simplify', itemIndex, simplify.byDefault))
		return records;
	return records.map((record) => simplify.record(record, options));
}

/**
 * Sends a request and, when PagerDuty answers with `status`, says in the error what that answer
 * means for this operation (PagerDuty's own message and details stay in the description).
 */
export async function explainStatus<T>(
	context: IExecuteFunctions,
	status: number,
	explanation: { message: string; description: string },
	send: () => Promise<T>,
): Promise<T> {
	try {
		return await send();
	} catch (error) {
		const nodeError = toNodeError(context.getNode(), error as Error);
		if (nodeError instanceof NodeApiError && nodeError.httpCode === String(status)) {
			nodeError.description = sentences(
				explanation.description,
				`PagerDuty said: ${nodeError.message}`,
				nodeError.description,
			);
			nodeError.message = `PagerDuty ${status}: ${explanation.message}`;
		}
		throw nodeError;
	}
}

/** Update operations need something to change; an empty "Update Fields" is a mistake, not a no-op. */
export function requireChanges(
	context: IExecuteFunctions,
	itemIndex: number,
	changes: IDataObject,
): void {
	if (Object.keys(changes).length > 0) return;
	throw new NodeOperationError(
		context.getNode(),
		`Add at least one field under "Update Fields"${itemSuffix(itemIndex)}`,
		{
			itemIndex,
		},
	);
}

/** Reads one record: PagerDuty answers with it under its key (`{ incident: {…} }`). */
export async function readRecord(
	context: IExecuteFunctions,
	path: string,
	key: string,
	qs?: IDataObject,
): Promise<IDataObject> {
	const response = await pagerDutyApiRequest.call(context, {
		method: 'GET',
		path,
		...(qs && { qs }),
	});
	return response[key] as IDataObject;
}

/**
 * Writes one record as PagerDuty's REST API wants it, under its key (`{ override: {…} }`), and
 * returns the record PagerDuty answers with under the same key.
 */
export async function sendRecord(
	context: IExecuteFunctions,
	method: 'POST' | 'PUT',
	path: string,
	key: string,
	record: IDataObject,
): Promise<IDataObject> {
	const response = await pagerDutyApiRequest.call(context, {
		method,
		path,
		body: { [key]: record },
	});
	return response[key] as IDataObject;
}

/**
 * An update PagerDuty applies field by field: the item's "Update Fields" made into the record's
 * changes by `changesOf`, refused when there are none, sent with PUT under `key`.
 */
export async function updateRecord(
	context: IExecuteFunctions,
	itemIndex: number,
	target: { path: string; key: string },
	changesOf: (fields: IDataObject) => IDataObject,
): Promise<IDataObject> {
	const fields = context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes = changesOf(fields);
	requireChanges(context, itemIndex, changes);
	return await sendRecord(context, 'PUT', target.path, target.key, changes);
}
