import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Settled } from '../../../shared/concurrency';
import { settleWithConcurrency } from '../../../shared/concurrency';
import { pagerDutyApiRequest, transportSettings } from '../../../shared/transport/rest';

/** PagerDuty's limit for one bulk update (`PUT /incidents`, `PUT /incidents/{id}/alerts`); more is answered with 413. */
export const BULK_UPDATE_LIMIT = 250;

/** Splits a list into bulk-request-sized chunks. */
export function inBulkChunks<T>(list: T[]): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += BULK_UPDATE_LIMIT)
		chunks.push(list.slice(start, start + BULK_UPDATE_LIMIT));
	return chunks;
}

/** One item's incident update, read and validated, ready to send. */
export interface IncidentUpdate {
	itemIndex: number;
	incidentId: string;
	from?: string;
	changes: IDataObject;
}

/**
 * Splits updates into bulk requests: consecutive updates with the same From, at most 250 each,
 * and never the same incident twice in one request (so two changes to one incident keep their order).
 */
export function planBulkRequests(updates: IncidentUpdate[]): IncidentUpdate[][] {
	const requests: IncidentUpdate[][] = [];
	let current: IncidentUpdate[] = [];
	let ids = new Set<string>();
	for (const update of updates) {
		const fits =
			current.length < BULK_UPDATE_LIMIT &&
			!ids.has(update.incidentId) &&
			(current.length === 0 || current[0].from === update.from);
		if (!fits) {
			requests.push(current);
			current = [];
			ids = new Set();
		}
		current.push(update);
		ids.add(update.incidentId);
	}
	if (current.length > 0) requests.push(current);
	return requests;
}

/** Sends one bulk update; PagerDuty answers with the updated incidents, here keyed by ID. */
export async function sendBulkUpdate(
	context: IExecuteFunctions,
	batch: IncidentUpdate[],
): Promise<Map<string, IDataObject>> {
	const response = await pagerDutyApiRequest.call(context, {
		method: 'PUT',
		path: '/incidents',
		body: {
			incidents: batch.map(({ incidentId, changes }) => ({
				id: incidentId,
				type: 'incident_reference',
				...changes,
			})),
		},
		from: batch[0].from,
	});
	const incidents = (response.incidents as IDataObject[] | undefined) ?? [];
	return new Map(incidents.map((incident) => [String(incident.id), incident]));
}

/**
 * Applies many items' incident updates with as few requests as PagerDuty allows. A bulk request
 * that fails as a whole is re-sent one incident at a time, so a single bad item costs only its own
 * result: each item ends with its incident or its own error, in input order.
 */
export async function updateInBulk(
	context: IExecuteFunctions,
	itemIndexes: number[],
	read: (context: IExecuteFunctions, itemIndex: number) => IncidentUpdate,
	updateOne: (context: IExecuteFunctions, update: IncidentUpdate) => Promise<IDataObject>,
): Promise<Array<Settled<IDataObject>>> {
	const results = new Map<number, Settled<IDataObject>>();
	const updates: IncidentUpdate[] = [];
	for (const itemIndex of itemIndexes) {
		try {
			updates.push(read(context, itemIndex));
		} catch (error) {
			results.set(itemIndex, { ok: false, error: error as Error });
		}
	}

	const { concurrency } = await transportSettings(context);
	for (const batch of planBulkRequests(updates)) {
		let updated: Map<string, IDataObject> | undefined;
		if (batch.length > 1) {
			try {
				updated = await sendBulkUpdate(context, batch);
			} catch {
				// One bad incident fails the whole bulk request; find out which one item by item below.
				updated = undefined;
			}
		}
		if (updated) {
			for (const update of batch) {
				const incident = updated.get(update.incidentId);
				results.set(
					update.itemIndex,
					incident
						? { ok: true, value: incident }
						: {
								ok: false,
								error: new NodeOperationError(
									context.getNode(),
									`PagerDuty's bulk update did not return incident ${update.incidentId}`,
									{ itemIndex: update.itemIndex },
								),
							},
				);
			}
			continue;
		}
		const singles = await settleWithConcurrency(batch.length, concurrency, (index) =>
			updateOne(context, batch[index]),
		);
		singles.forEach((result, index) => results.set(batch[index].itemIndex, result));
	}
	return itemIndexes.map((itemIndex) => results.get(itemIndex)!);
}
