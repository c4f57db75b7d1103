import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyApiRequestCursor } from '../../../shared/transport/paging';
import { invalidParameter, optionalDateTime } from '../../../shared/validation';
import { withoutEmpty } from '../../helpers/utils';
import { explainStatus, maxItemsOf } from '../common';

const DAY_MS = 86_400_000;
/** PagerDuty searches at most 31 days of audit records per request. */
export const AUDIT_WINDOW_MS = 31 * DAY_MS;

/** Since and Until of an audit record list (in its Options). */
export const auditWindowFields: INodeProperties[] = [
	{
		displayName: 'Since',
		name: 'since',
		type: 'dateTime',
		default: '',
		description:
			'Start of the time window of the records. Empty: 24 hours before Until. Windows longer than the 31 days PagerDuty searches at once are read in 31-day slices, newest first.',
	},
	{
		displayName: 'Until',
		name: 'until',
		type: 'dateTime',
		default: '',
		description: 'End of the time window of the records. Empty: now.',
	},
];

/**
 * What an audit record list checks itself: Since before Until, or before now when Until is empty
 * (the router's check of Since–Until sees only two given values, and lets an empty window through).
 */
export const auditWindowChecksItself = ['until'];

/**
 * The `since`/`until` of each request: one window PagerDuty takes as it is, or consecutive 31-day
 * slices of a longer one, newest first (records come newest first, so the slices' records follow
 * on from each other).
 */
function windowsOf(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): Array<{ since?: string; until?: string }> {
	const since = optionalDateTime(context, itemIndex, 'Since', options.since);
	const until = optionalDateTime(context, itemIndex, 'Until', options.until);
	if (since === undefined) {
		if (until === undefined) return [{}];
		// PagerDuty's default Since is 24 hours before now, not before Until.
		return [{ since: new Date(Date.parse(until) - DAY_MS).toISOString(), until }];
	}
	const sinceMs = Date.parse(since);
	const untilMs = until === undefined ? Date.now() : Date.parse(until);
	if (sinceMs >= untilMs)
		throw invalidParameter(context, itemIndex, 'Since', 'must be before "Until"');
	if (untilMs - sinceMs <= AUDIT_WINDOW_MS) return [{ since, until }];
	const windows: Array<{ since: string; until: string }> = [];
	for (let end = untilMs; end > sinceMs; end -= AUDIT_WINDOW_MS)
		windows.push({
			since: new Date(Math.max(sinceMs, end - AUDIT_WINDOW_MS)).toISOString(),
			until: new Date(end).toISOString(),
		});
	return windows;
}

const timeOf = (record: IDataObject) => Date.parse(String(record.execution_time));

/**
 * Reads one item's audit records from `path`: all of them or up to its Limit, newest first, each
 * window cursor-paged. A record on the boundary of two slices may come in both: it is kept once.
 */
export async function readAuditRecords(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
	query: IDataObject = {},
): Promise<IDataObject[]> {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const maxItems = maxItemsOf(context, itemIndex) ?? Infinity;
	const records: IDataObject[] = [];
	const seen = new Set<unknown>();
	for (const window of windowsOf(context, itemIndex, options)) {
		if (records.length >= maxItems) break;
		// Records already in that may come again: those at or after this slice's end.
		const end = window.until === undefined ? Infinity : Date.parse(window.until);
		const repeats = records.filter((record) => timeOf(record) <= end).length;
		const slice = await explainAuditStatus(
			context,
			async () =>
				await pagerDutyApiRequestCursor.call(
					context,
					{ method: 'GET', path, qs: withoutEmpty({ ...query, ...window }) },
					'records',
					{ maxItems: maxItems - records.length + repeats },
				),
		);
		for (const record of slice) {
			if (seen.has(record.id)) continue;
			seen.add(record.id);
			records.push(record);
		}
	}
	return records.slice(0, maxItems);
}

/** PagerDuty's 402 and 403 on audit records: the plan lacks Audit Trail, or the credential may not read it. */
async function explainAuditStatus<T>(
	context: IExecuteFunctions,
	send: () => Promise<T>,
): Promise<T> {
	return await explainStatus(
		context,
		402,
		{
			message: "The account's PagerDuty plan has no Audit Trail",
			description: 'Audit records are read only on plans with the Audit Trail feature.',
		},
		async () =>
			await explainStatus(
				context,
				403,
				{
					message: 'This credential may not read these audit records',
					description:
						"The account's whole audit trail is read by admins, the account owner and account-level API keys. A resource's own records need the right to see that resource.",
				},
				send,
			),
	);
}
