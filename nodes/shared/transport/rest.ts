import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { SCOPED_OAUTH2, authenticationFrom, credentialTypeFor } from '../authentication';
import { settleWithConcurrency } from '../concurrency';
import { isRecord, pagerDutyApiError, toNodeError, unusableAnswer } from '../errors';
import type { ClientContext } from '../parameters';
import { readParameterValue } from '../parameters';
import { REST_HOSTS } from '../regions';
import { checkScope, scopedTokenOf } from '../scopes';
import type { ClientRequest } from './client';
import { createClient, readTransportSettings } from './client';

export type { TransportSettings } from './client';

/** Node runs, option loading, and trigger lifecycle hooks (webhook subscriptions). */
export type PagerDutyContext = ClientContext;

/** PagerDuty's page size ceiling and the deepest offset its classic pagination reaches. */
export const PAGE_SIZE = 100;
export const OFFSET_CEILING = 10_000;

export interface PagerDutyRequest extends Omit<ClientRequest, 'headers'> {
	/** Email for PagerDuty's `From` header; falls back to the credential's default. */
	from?: string;
}

const authenticationOf = (context: ClientContext) =>
	authenticationFrom(readParameterValue(context, 'authentication', undefined, 'apiToken'));

/** PagerDuty's REST API v2, with an API token, OAuth2 or Scoped OAuth2 (the node's Authentication). */
const restApi = createClient({
	name: 'PagerDuty',
	credentialType: (context) => credentialTypeFor(authenticationOf(context)),
	hosts: REST_HOSTS,
	headers: {
		Accept: 'application/vnd.pagerduty+json;version=2',
		'Content-Type': 'application/json',
	},
	timeoutMs: 60_000,
	throwFor: [401],
	factsOf: (context, credentials) => {
		const authentication = authenticationOf(context);
		return {
			authentication,
			defaultFrom: (credentials.defaultFromEmail as string | undefined)?.trim() || undefined,
			scopedToken: authentication === SCOPED_OAUTH2 ? scopedTokenOf(credentials) : undefined,
		};
	},
	tokenFailure: {
		description:
			'n8n could not get an OAuth2 token from PagerDuty, so nothing was sent. Check the credential\'s Client ID and Client Secret; for Scoped OAuth also the Account Subdomain and region (PagerDuty answers "Invalid scope" when as_account-<region>.<subdomain> is not the app\'s account); a user token may need "Connect my account" again.',
	},
	beforeSend: async (context, { credentialType, facts }, request) => {
		if (facts.scopedToken)
			await checkScope(context, credentialType, facts.scopedToken, request.method, request.path);
	},
	errorFor: (context, connection, request, answer) =>
		pagerDutyApiError(
			context.getNode(),
			{
				method: request.method,
				path: request.path,
				status: answer.status,
				body: answer.body,
				from: request.headers?.From,
			},
			connection.facts.authentication,
			connection.facts.scopedToken,
		),
});

/**
 * The transport settings this execution uses (concurrency for items and pages). Read from the
 * node's parameters only, so resources that do not use the REST credentials (Event) can ask too.
 */
export async function transportSettings(context: PagerDutyContext) {
	return readTransportSettings(context);
}

/**
 * Sends one request to PagerDuty's REST API v2 and returns the parsed JSON body. It waits for
 * PagerDuty's rate-limit window when the window is used up, retries 429s (after `ratelimit-reset`,
 * else with backoff) and transient failures of requests that are safe to repeat, and gives up once
 * the retry waits would pass the node's "Max Retry Wait".
 */
export async function pagerDutyApiRequest(
	this: PagerDutyContext,
	request: PagerDutyRequest,
): Promise<IDataObject> {
	const { facts } = await restApi.connection(this);
	const { from: requestedFrom, ...withoutFrom } = request;
	const from = requestedFrom?.trim() || facts.defaultFrom;
	const body = await restApi.send(this, {
		...withoutFrom,
		headers: from ? { From: from } : undefined,
	});
	return (body ?? {}) as IDataObject;
}

/** Time-window slicing for lists filtered by `since`/`until` (incidents, log entries, …). */
export interface TimeWindow {
	since?: string;
	until?: string;
	/** The window PagerDuty searches when neither is given. */
	defaultDays: number;
}

export interface ListOptions {
	/** Stop once this many records are in (the node's Limit); all when absent. */
	maxItems?: number;
	/** Lets a list larger than PagerDuty's 10,000-record ceiling be read in time slices. */
	timeWindow?: TimeWindow;
	/**
	 * False for lists whose spec declares no `total` parameter (PagerDuty and the contract refuse
	 * it there): no page asks for the total, so pages are read one after another.
	 */
	askTotal?: boolean;
}

/** A query's records, or the news that the records wanted lie past the offset ceiling. */
type QueryResult = { records: IDataObject[] } | { pastCeiling: true };

const ceilingError = (context: PagerDutyContext, sliceable: boolean) =>
	new NodeOperationError(
		context.getNode(),
		`PagerDuty lists at most ${OFFSET_CEILING.toLocaleString('en-US')} records per query, and this query has more`,
		{
			description: sliceable
				? 'Even a one-second time slice holds more than 10,000 records. Add filters (status, service, team, user).'
				: 'Narrow the query so it matches fewer records: set Since/Until to a shorter time window, or filter by status, service, team or user. Or set a Limit.',
		},
	);

/**
 * The records of a list PagerDuty answers whole, in one GET (no pages). PagerDuty's spec lets some of
 * these answers leave an empty list out; anything else under the property is not an answer to use.
 */
export async function pagerDutyApiRequestRecords(
	this: PagerDutyContext,
	request: PagerDutyRequest,
	propertyName: string,
): Promise<IDataObject[]> {
	const answer = await pagerDutyApiRequest.call(this, request);
	if (answer[propertyName] === undefined) return [];
	return recordsOf(this, request, answer, propertyName);
}

/**
 * A page's records. PagerDuty always answers a list with its property, an empty list when nothing
 * matches: a page without it, or with something else there, is not an answer to use.
 */
function recordsOf(
	context: PagerDutyContext,
	request: PagerDutyRequest,
	page: IDataObject,
	propertyName: string,
): IDataObject[] {
	const records = page[propertyName];
	if (Array.isArray(records) && records.every(isRecord)) return records as IDataObject[];
	const found =
		records === undefined
			? 'it has no'
			: `it holds ${Array.isArray(records) ? 'a list of other things' : `a ${typeof records}`} as`;
	throw unusableAnswer(
		context.getNode(),
		`PagerDuty answered ${request.method} ${request.path}`,
		`${found} "${propertyName}" list`,
	);
}

/**
 * Reads one query's records: the first page asks PagerDuty for the total (unless the list has
 * none), the remaining pages are then fetched concurrently and put back in PagerDuty's order.
 */
async function readQuery(
	context: PagerDutyContext,
	request: PagerDutyRequest,
	propertyName: string,
	maxItems: number,
	askTotal = true,
): Promise<QueryResult> {
	const pageSize = Math.min(PAGE_SIZE, maxItems);
	const pageAt = (offset: number, total = false) =>
		pagerDutyApiRequest.call(context, {
			...request,
			qs: { ...request.qs, limit: pageSize, offset, ...(total && { total: true }) },
		});

	const first = await pageAt(0, askTotal);
	const records = recordsOf(context, request, first, propertyName);
	if (first.more !== true || records.length >= maxItems)
		return { records: records.slice(0, maxItems) };

	if (typeof first.total !== 'number') {
		// No total to plan with: read page after page (offset advances by the page size, n8n-io/n8n#35775).
		for (
			let offset = pageSize, more = true;
			more && records.length < maxItems;
			offset += pageSize
		) {
			if (offset + pageSize > OFFSET_CEILING) return { pastCeiling: true };
			const page = await pageAt(offset);
			records.push(...recordsOf(context, request, page, propertyName));
			more = page.more === true;
		}
		return { records: records.slice(0, maxItems) };
	}

	const wanted = Math.min(first.total, maxItems);
	if (wanted > OFFSET_CEILING) return { pastCeiling: true };
	const offsets: number[] = [];
	for (let offset = pageSize; offset < wanted; offset += pageSize) offsets.push(offset);
	const { concurrency } = await transportSettings(context);
	const pages = await settleWithConcurrency(
		offsets.length,
		concurrency,
		(index) => pageAt(offsets[index]),
		true,
	);
	for (const page of pages) {
		if (!page.ok) throw toNodeError(context.getNode(), page.error);
		records.push(...recordsOf(context, request, page.value, propertyName));
	}
	return { records: records.slice(0, maxItems) };
}

const DAY_MS = 86_400_000;
const SLICE_OVERLAP_MS = 1000;

/**
 * Reads a list that is too large for one query by halving its time window until every slice fits
 * under the ceiling. Slices overlap by a second so a record on a boundary is never missed; the
 * overlap's duplicates are dropped by ID.
 */
async function readSliced(
	context: PagerDutyContext,
	request: PagerDutyRequest,
	propertyName: string,
	since: number,
	until: number,
	askTotal?: boolean,
): Promise<IDataObject[][]> {
	const window = {
		...request,
		qs: {
			...request.qs,
			since: new Date(since).toISOString(),
			until: new Date(until).toISOString(),
		},
	};
	const result = await readQuery(context, window, propertyName, Infinity, askTotal);
	if ('records' in result) return [result.records];
	if (until - since <= 2 * SLICE_OVERLAP_MS) throw ceilingError(context, true);
	const middle = since + Math.floor((until - since) / 2);
	const earlier = await readSliced(
		context,
		request,
		propertyName,
		since,
		Math.min(until, middle + SLICE_OVERLAP_MS),
		askTotal,
	);
	const later = await readSliced(context, request, propertyName, middle, until, askTotal);
	return [...earlier, ...later];
}

// Incidents and log entries carry created_at; change events carry timestamp.
const timestampOf = (record: IDataObject) =>
	Date.parse(String(record.created_at ?? record.timestamp ?? ''));

function mergeSlices(slices: IDataObject[][]): IDataObject[] {
	// Slices run from the earliest window to the latest; flip them when PagerDuty lists newest first.
	const sample = slices.find((slice) => slice.length > 1);
	const newestFirst =
		sample !== undefined && timestampOf(sample[0]) > timestampOf(sample[sample.length - 1]);
	const ordered = newestFirst ? [...slices].reverse() : slices;
	const seen = new Set<unknown>();
	const merged: IDataObject[] = [];
	for (const record of ordered.flat()) {
		const key = record.id ?? JSON.stringify(record);
		if (seen.has(key)) continue;
		seen.add(key);
		merged.push(record);
	}
	return merged;
}

/**
 * Reads a classic offset-paginated list: all of it, or up to `maxItems`. Past PagerDuty's
 * 10,000-record ceiling it slices by time when the list allows (`timeWindow`), and otherwise
 * fails with advice instead of silently returning a truncated list.
 */
export async function pagerDutyApiRequestAllItems(
	this: PagerDutyContext,
	request: PagerDutyRequest,
	propertyName: string,
	options: ListOptions = {},
): Promise<IDataObject[]> {
	const maxItems = options.maxItems ?? Infinity;
	const result = await readQuery(this, request, propertyName, maxItems, options.askTotal);
	if ('records' in result) return result.records;
	if (!options.timeWindow) throw ceilingError(this, false);
	const until = options.timeWindow.until ? Date.parse(options.timeWindow.until) : Date.now();
	const since = options.timeWindow.since
		? Date.parse(options.timeWindow.since)
		: until - options.timeWindow.defaultDays * DAY_MS;
	if (Number.isNaN(since) || Number.isNaN(until) || since >= until) throw ceilingError(this, false);
	const slices = await readSliced(this, request, propertyName, since, until, options.askTotal);
	return mergeSlices(slices).slice(0, maxItems);
}
