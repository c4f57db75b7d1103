/** Shared pieces of the REST handlers: request context, pagination (offset, cursor, after), query helpers. */
import { ContractMatch } from './contract';
import { argumentsCausedError, invalidInput, notFound, OFFSET_LIMIT_ERROR } from './errors';
import { SandboxStore, User } from './store';

export type PrincipalKind = 'account' | 'user' | 'oauth';

export interface RestRequest {
	match: ContractMatch;
	/** Acting user: the token's user, or the From user for account-level keys (if given). */
	actor: User | null;
	principal: PrincipalKind;
}

export interface RestResponse {
	status: number;
	body: unknown;
}

export type RestHandler = (store: SandboxStore, request: RestRequest) => RestResponse;

/** What a handler looked up, or PagerDuty's 404 when it is not there (e.g. an unknown ID in the path). */
export function orNotFound<T>(found: T | undefined): T {
	if (!found) throw notFound();
	return found;
}

/** The record with this ID, or PagerDuty's 404. */
export function findById<T extends { id: string }>(records: T[], id: string | undefined): T {
	return orNotFound(records.find((record) => record.id === id));
}

export const DEFAULT_LIMIT = 25;
export const MAX_OFFSET_PLUS_LIMIT = 10000;
/** The largest page the cursor lists serve, whatever `limit` asks ("the smaller of yours and ours"). */
export const MAX_CURSOR_LIMIT = 100;

export function queryValue(request: RestRequest, name: string): string | undefined {
	const value = request.match.query[name];
	return Array.isArray(value) ? value[0] : value;
}

export function queryList(request: RestRequest, name: string): string[] | undefined {
	const value = request.match.query[name];
	if (value === undefined) return undefined;
	return Array.isArray(value) ? value : [value];
}

/** Classic offset pagination exactly as PagerDuty answers it. */
export function paginate<T>(
	request: RestRequest,
	items: T[],
	key: string,
	render: (item: T) => unknown = (item) => item,
): RestResponse {
	const rawLimit = queryValue(request, 'limit');
	const rawOffset = queryValue(request, 'offset');
	// The contract already rejects limit > 100; tiny or negative values are clamped.
	const limit = Math.max(1, rawLimit === undefined ? DEFAULT_LIMIT : Number(rawLimit));
	const offset = Math.max(0, rawOffset === undefined ? 0 : Number(rawOffset));
	if (offset + limit > MAX_OFFSET_PLUS_LIMIT) throw argumentsCausedError([OFFSET_LIMIT_ERROR]);
	const page = items.slice(offset, offset + limit);
	return {
		status: 200,
		body: {
			[key]: page.map(render),
			limit,
			offset,
			total: queryValue(request, 'total') === 'true' ? items.length : null,
			more: offset + page.length < items.length,
		},
	};
}

/** The page size a cursor list serves: `limit` (default 25), at most 100. */
function cursorLimit(request: RestRequest): number {
	const raw = queryValue(request, 'limit');
	const limit = raw === undefined ? DEFAULT_LIMIT : Math.floor(Number(raw));
	if (!Number.isFinite(limit) || limit < 1)
		throw invalidInput(['limit must be a positive integer']);
	return Math.min(limit, MAX_CURSOR_LIMIT);
}

/** An opaque cursor for a position in a list (clients must not read it, so it is not a plain number). */
const encodeCursor = (position: number) =>
	Buffer.from(`position:${position}`).toString('base64url');

function decodeCursor(request: RestRequest, name: string): number | undefined {
	const raw = queryValue(request, name);
	if (raw === undefined) return undefined;
	const match = /^position:(\d+)$/.exec(Buffer.from(raw, 'base64url').toString());
	if (!match) throw invalidInput([`${name} is not a valid cursor`]);
	return Number(match[1]);
}

/**
 * Cursor pagination as `/audit/records` and `/automation_actions/actions` answer it: the first
 * page has no `cursor`, each answer's `next_cursor` asks for the page after it, null on the last.
 */
export function paginateCursor<T>(
	request: RestRequest,
	items: T[],
	key: string,
	render: (item: T) => unknown = (item) => item,
): RestResponse {
	const limit = cursorLimit(request);
	const start = decodeCursor(request, 'cursor') ?? 0;
	const end = Math.min(start + limit, items.length);
	return {
		status: 200,
		body: {
			[key]: items.slice(start, end).map(render),
			limit,
			next_cursor: end < items.length ? encodeCursor(end) : null,
		},
	};
}

/**
 * `after`/`before` pagination as `/alert_grouping_settings` answers it: `after` asks for the page
 * after a cursor, `before` for the one before it; the answer's `after`/`before` are the cursors of
 * the next and the previous page (null at either end), `total` is counted when asked for.
 */
export function paginateAfter<T>(
	request: RestRequest,
	items: T[],
	key: string,
	render: (item: T) => unknown = (item) => item,
): RestResponse {
	const limit = cursorLimit(request);
	const after = decodeCursor(request, 'after');
	const before = decodeCursor(request, 'before');
	if (after !== undefined && before !== undefined)
		throw invalidInput(['after and before cannot be used together']);
	const end = Math.min(before ?? (after ?? 0) + limit, items.length);
	const start = before === undefined ? Math.min(after ?? 0, end) : Math.max(0, end - limit);
	return {
		status: 200,
		body: {
			[key]: items.slice(start, end).map(render),
			after: end < items.length ? encodeCursor(end) : null,
			before: start > 0 ? encodeCursor(start) : null,
			limit,
			total: queryValue(request, 'total') === 'true' ? items.length : null,
		},
	};
}

export function parseTime(request: RestRequest, name: string): number | undefined {
	const raw = queryValue(request, name);
	if (raw === undefined) return undefined;
	const ms = Date.parse(raw);
	if (Number.isNaN(ms)) throw invalidInput([`${name} is not a valid date`]);
	return ms;
}

/** Case-insensitive substring match, PagerDuty's "query" filter. */
export function matchesQuery(request: RestRequest, ...fields: string[]): boolean {
	const query = queryValue(request, 'query');
	if (!query) return true;
	const needle = query.toLowerCase();
	return fields.some((field) => field.toLowerCase().includes(needle));
}

/** sort_by=name | name:asc | name:desc for named lists (services, escalation policies). */
export function sortByName<T extends { name: string }>(request: RestRequest, items: T[]): T[] {
	const sortBy = queryValue(request, 'sort_by') ?? 'name';
	const direction = sortBy.endsWith(':desc') ? -1 : 1;
	return items.slice().sort((a, b) => direction * a.name.localeCompare(b.name));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Renders an ISO UTC timestamp in a time zone with its offset, as time_zone= does. */
export function formatInTimeZone(iso: string, timeZone: string | undefined): string {
	if (!timeZone) return iso;
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			timeZoneName: 'longOffset',
		});
		formatters.set(timeZone, formatter);
	}
	const parts = formatter.formatToParts(new Date(iso));
	const part = (type: Intl.DateTimeFormatPartTypes): string =>
		parts.find((candidate) => candidate.type === type)?.value ?? '';
	const offset = part('timeZoneName').replace('GMT', '') || '+00:00';
	return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${offset}`;
}

/**
 * Body paging as `/analytics/raw/incidents` answers it: the JSON body's `limit` (default 20)
 * and `starting_after` (a record's ID, the `last` of a previous answer); the answer's `first`
 * and `last` are the page's first and last IDs (null when empty), `more` whether records follow.
 */
export function paginateStartingAfter<T extends { id: string }>(
	request: RestRequest,
	items: T[],
	key: string,
	render: (item: T) => unknown = (item) => item,
): RestResponse {
	const { limit = 20, starting_after: startingAfter } = (request.match.body ?? {}) as {
		limit?: number;
		starting_after?: string;
	};
	const after =
		startingAfter === undefined ? -1 : items.findIndex((item) => item.id === startingAfter);
	if (after < 0 && startingAfter !== undefined)
		throw invalidInput([`starting_after ${startingAfter} is not a record of this list`]);
	const page = items.slice(after + 1, after + 1 + limit);
	return {
		status: 200,
		body: {
			[key]: page.map(render),
			first: page[0]?.id ?? null,
			last: page[page.length - 1]?.id ?? null,
			limit,
			more: after + 1 + page.length < items.length,
		},
	};
}
