import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PagerDutyContext, PagerDutyRequest } from './rest';
import { PAGE_SIZE, pagerDutyApiRequest, pagerDutyApiRequestAllItems } from './rest';

/**
 * How a PagerDuty list pages (CONTRIBUTING, "Paging kinds"):
 * - `offset`: `limit`/`offset`, the first page asks for `total` (`pagerDutyApiRequestAllItems`);
 * - `offsetWithoutTotal`: the same where the spec declares no `total` (`askTotal: false`);
 * - `cursor`: `cursor` in the request, `next_cursor` in the answer (`pagerDutyApiRequestCursor`);
 * - `after`: `after` in the request and in the answer (`pagerDutyApiRequestCursor` with `AFTER_CURSOR`).
 * A fifth, raw analytics, pages in a POST's body: `pagerDutyApiRequestStartingAfter`.
 */
export type ListPaging = 'offset' | 'offsetWithoutTotal' | 'cursor' | 'after';

/** Where a cursor list takes its cursor and where its answer gives the next one. */
export interface CursorFields {
	/** The query parameter that asks for the page after a cursor. */
	cursorParam: string;
	/** The answer's field holding the next page's cursor; null, absent or empty on the last page. */
	nextField: string;
}

/** `/audit/records`, `/automation_actions/actions`, …: `cursor` → `next_cursor`. */
export const NEXT_CURSOR: CursorFields = { cursorParam: 'cursor', nextField: 'next_cursor' };

/** `/alert_grouping_settings`: the request's `after` is the previous answer's `after`. */
export const AFTER_CURSOR: CursorFields = { cursorParam: 'after', nextField: 'after' };

/** The cursor fields of the cursor paging kinds. */
export const CURSOR_FIELDS: Record<'cursor' | 'after', CursorFields> = {
	cursor: NEXT_CURSOR,
	after: AFTER_CURSOR,
};

export interface CursorListOptions extends Partial<CursorFields> {
	/** Stop once this many records are in (the node's Limit); all when absent. */
	maxItems?: number;
	/** Records asked for per page; PagerDuty may send fewer (it takes the smaller of its and ours). */
	pageSize?: number;
}

/** The next page's cursor in an answer, or undefined on the last page. */
export function nextCursorOf(page: IDataObject, nextField: string): string | undefined {
	const cursor = page[nextField];
	if (cursor === undefined || cursor === null || cursor === '') return undefined;
	return String(cursor);
}

/** Reading on after a page cursor came back a second time would loop forever. */
function repeatedCursorError(context: PagerDutyContext, request: PagerDutyRequest, read: number) {
	return new NodeOperationError(
		context.getNode(),
		`PagerDuty gave the same page cursor twice while listing ${request.path}`,
		{
			description: `Reading stopped after ${read} records instead of asking for the same page again. Set a Limit, or try again later.`,
		},
	);
}

/**
 * Reads a cursor-paginated list: all of it, or up to `maxItems`. The first page goes without a
 * cursor, each next one with the cursor the previous answer gave, until an answer gives none. A
 * cursor that comes back a second time is an error: reading on would loop forever.
 */
export async function pagerDutyApiRequestCursor(
	this: PagerDutyContext,
	request: PagerDutyRequest,
	propertyName: string,
	options: CursorListOptions = {},
): Promise<IDataObject[]> {
	const { cursorParam, nextField } = { ...NEXT_CURSOR, ...options };
	const maxItems = options.maxItems ?? Infinity;
	const limit = Math.min(options.pageSize ?? PAGE_SIZE, maxItems);
	const records: IDataObject[] = [];
	const seen = new Set<string>();
	let cursor: string | undefined;
	do {
		const page = await pagerDutyApiRequest.call(this, {
			...request,
			qs: { ...request.qs, limit, ...(cursor !== undefined && { [cursorParam]: cursor }) },
		});
		records.push(...((page[propertyName] as IDataObject[] | undefined) ?? []));
		cursor = nextCursorOf(page, nextField);
		if (cursor !== undefined && seen.has(cursor))
			throw repeatedCursorError(this, request, records.length);
		if (cursor !== undefined) seen.add(cursor);
	} while (cursor !== undefined && records.length < maxItems);
	return records.slice(0, maxItems);
}

/** The most records one page of PagerDuty's raw analytics gives (`limit` 1 … 1000). */
export const ANALYTICS_PAGE_SIZE = 1000;

/**
 * Reads a list whose JSON body pages (`/analytics/raw/incidents`): all of it, or up to
 * `maxItems`. Each page sends the same body with `limit` (the records still wanted, at most
 * `pageSize`) and, after the first, `starting_after` = the previous answer's `last`, until an
 * answer says `more: false`. These POSTs only read, so they are sent as safe to repeat. A `last`
 * that comes back a second time is an error, as with cursors.
 */
export async function pagerDutyApiRequestStartingAfter(
	this: PagerDutyContext,
	request: PagerDutyRequest,
	propertyName: string,
	options: { maxItems?: number; pageSize?: number } = {},
): Promise<IDataObject[]> {
	const maxItems = options.maxItems ?? Infinity;
	const pageSize = options.pageSize ?? ANALYTICS_PAGE_SIZE;
	const records: IDataObject[] = [];
	const seen = new Set<string>();
	let startingAfter: string | undefined;
	do {
		const page = await pagerDutyApiRequest.call(this, {
			...request,
			idempotent: true,
			body: {
				...request.body,
				limit: Math.min(pageSize, maxItems - records.length),
				...(startingAfter !== undefined && { starting_after: startingAfter }),
			},
		});
		records.push(...((page[propertyName] as IDataObject[] | undefined) ?? []));
		startingAfter = page.more === true ? nextCursorOf(page, 'last') : undefined;
		if (startingAfter !== undefined && seen.has(startingAfter))
			throw repeatedCursorError(this, request, records.length);
		if (startingAfter !== undefined) seen.add(startingAfter);
	} while (startingAfter !== undefined && records.length < maxItems);
	return records.slice(0, maxItems);
}

/** Reads a list of any paging kind: all of it, or up to `maxItems`. */
export async function pagerDutyApiRequestList(
	this: PagerDutyContext,
	request: PagerDutyRequest,
	propertyName: string,
	paging: ListPaging,
	maxItems?: number,
): Promise<IDataObject[]> {
	if (paging === 'cursor' || paging === 'after')
		return await pagerDutyApiRequestCursor.call(this, request, propertyName, {
			...CURSOR_FIELDS[paging],
			maxItems,
		});
	return await pagerDutyApiRequestAllItems.call(this, request, propertyName, {
		maxItems,
		askTotal: paging === 'offset',
	});
}
