import { fakeListServer, things } from './fake-list-server';
import { argumentsCausedError } from '../../dev/sandbox/errors';
import {
	paginate,
	paginateAfter,
	paginateCursor,
	paginateStartingAfter,
} from '../../dev/sandbox/rest-common';
import type { ListPaging } from '../../nodes/shared/transport/paging';
import {
	AFTER_CURSOR,
	pagerDutyApiRequestCursor,
	pagerDutyApiRequestList,
	pagerDutyApiRequestStartingAfter,
} from '../../nodes/shared/transport/paging';
import { pagerDutyApiRequestAllItems } from '../../nodes/shared/transport/rest';

const list = { method: 'GET' as const, path: '/things' };
const idsOf = (records: Array<{ id?: unknown }>) => records.map((record) => record.id);
const range = (count: number) => Array.from({ length: count }, (_, index) => `T${index}`);

describe('offset lists without total (askTotal: false)', () => {
	// Where the spec declares no `total`, the contract refuses it: so does this server.
	const withoutTotal = (count: number) =>
		fakeListServer((request) => {
			if ('total' in request.match.query) throw argumentsCausedError(['total is not allowed']);
			return paginate(request, things(count), 'things');
		});

	it('never asks for the total and reads page after page', async () => {
		const { context, sent } = withoutTotal(250);
		const records = await pagerDutyApiRequestAllItems.call(context, list, 'things', {
			askTotal: false,
		});
		expect(idsOf(records)).toEqual(range(250));
		expect(sent.map(({ query }) => [query.offset, query.limit, query.total])).toEqual([
			['0', '100', undefined],
			['100', '100', undefined],
			['200', '100', undefined],
		]);
	});

	it('without the option asks for the total, which such a list refuses', async () => {
		const { context } = withoutTotal(10);
		await expect(pagerDutyApiRequestAllItems.call(context, list, 'things')).rejects.toThrow(
			'PagerDuty 400',
		);
	});
});

describe('pagerDutyApiRequestCursor', () => {
	it('reads a cursor list to its end: no cursor on page 1, then each next_cursor, 100 a page', async () => {
		const { context, sent } = fakeListServer((request) =>
			paginateCursor(request, things(250), 'things'),
		);
		const records = await pagerDutyApiRequestCursor.call(context, list, 'things');
		expect(idsOf(records)).toEqual(range(250));
		expect(sent).toHaveLength(3);
		expect(sent[0].query).toEqual({ limit: '100' });
		expect(sent.slice(1).every(({ query }) => query.cursor && query.limit === '100')).toBe(true);
	});

	it("reads an after list (alert grouping settings) by AFTER_CURSOR's names", async () => {
		const { context, sent } = fakeListServer((request) =>
			paginateAfter(request, things(120), 'things'),
		);
		const records = await pagerDutyApiRequestCursor.call(context, list, 'things', AFTER_CURSOR);
		expect(idsOf(records)).toEqual(range(120));
		expect(sent.map(({ query }) => Object.keys(query).sort())).toEqual([
			['limit'],
			['after', 'limit'],
		]);
	});

	it('stops at the Limit: asks for no more than it, and returns exactly it', async () => {
		const server = () =>
			fakeListServer((request) => paginateCursor(request, things(250), 'things'));
		const small = server();
		expect(
			await pagerDutyApiRequestCursor.call(small.context, list, 'things', { maxItems: 7 }),
		).toHaveLength(7);
		expect(small.sent.map(({ query }) => query.limit)).toEqual(['7']);

		const large = server();
		const records = await pagerDutyApiRequestCursor.call(large.context, list, 'things', {
			maxItems: 130,
		});
		expect(idsOf(records)).toEqual(range(130));
		expect(large.sent).toHaveLength(2);
	});

	it('asks for the given page size and pages on whatever size comes back', async () => {
		// PagerDuty serves "the smaller of yours and ours": here 100 although 250 were asked for.
		const { context, sent } = fakeListServer((request) =>
			paginateCursor(request, things(230), 'things'),
		);
		const records = await pagerDutyApiRequestCursor.call(context, list, 'things', {
			pageSize: 250,
		});
		expect(records).toHaveLength(230);
		expect(sent.map(({ query }) => query.limit)).toEqual(['250', '250', '250']);
	});

	it.each([
		['null', null],
		['an empty string', ''],
		['no field', undefined],
	])('ends when the next cursor is %s', async (_label, end) => {
		const { context, sent } = fakeListServer((request) => ({
			status: 200,
			body: {
				things: things(3),
				...(end !== undefined && { next_cursor: request.match.query.cursor ? end : 'page-2' }),
			},
		}));
		const records = await pagerDutyApiRequestCursor.call(context, list, 'things');
		expect(sent).toHaveLength(end === undefined ? 1 : 2);
		expect(records).toHaveLength(3 * sent.length);
	});

	it('fails instead of looping when a cursor comes back a second time', async () => {
		const { context, sent } = fakeListServer((request) => ({
			status: 200,
			body: { things: things(2), next_cursor: request.match.query.cursor ? 'B' : 'A' },
		}));
		await expect(pagerDutyApiRequestCursor.call(context, list, 'things')).rejects.toThrow(
			'PagerDuty gave the same page cursor twice while listing /things',
		);
		expect(sent.map(({ query }) => query.cursor)).toEqual([undefined, 'A', 'B']);
	});

	it("turns PagerDuty's refusal of a page into the usual error", async () => {
		const { context } = fakeListServer((request) =>
			paginateCursor(
				{ ...request, match: { ...request.match, query: { ...request.match.query, cursor: 'x' } } },
				things(10),
				'things',
			),
		);
		await expect(pagerDutyApiRequestCursor.call(context, list, 'things')).rejects.toThrow(
			'PagerDuty 400: Invalid Input Provided',
		);
	});
});

describe('pagerDutyApiRequestList', () => {
	const servers: Record<ListPaging, typeof paginate> = {
		offset: paginate,
		offsetWithoutTotal: paginate,
		cursor: paginateCursor,
		after: paginateAfter,
	};

	it.each(Object.keys(servers) as ListPaging[])(
		'%s: reads the list whole, and up to a Limit',
		async (paging) => {
			const { context, sent } = fakeListServer((request) =>
				servers[paging](request, things(150), 'things'),
			);
			expect(idsOf(await pagerDutyApiRequestList.call(context, list, 'things', paging))).toEqual(
				range(150),
			);
			expect(sent.some(({ query }) => 'total' in query)).toBe(paging === 'offset');
			expect(
				idsOf(await pagerDutyApiRequestList.call(context, list, 'things', paging, 120)),
			).toEqual(range(120));
		},
	);
});

describe('pagerDutyApiRequestStartingAfter (raw analytics: paging in the POST body)', () => {
	const raw = {
		method: 'POST' as const,
		path: '/analytics/raw/things',
		body: { filters: { x: 1 } },
	};
	const bodies = (sent: Array<{ body?: unknown }>) => sent.map(({ body }) => body);

	it('repeats the body with starting_after = the last ID while more, asking for what is still wanted', async () => {
		const { context, sent } = fakeListServer((request) =>
			paginateStartingAfter(request, things(2500), 'data'),
		);
		const records = await pagerDutyApiRequestStartingAfter.call(context, raw, 'data', {
			maxItems: 2100,
		});
		expect(idsOf(records)).toEqual(range(2100));
		expect(bodies(sent)).toEqual([
			{ filters: { x: 1 }, limit: 1000 },
			{ filters: { x: 1 }, limit: 1000, starting_after: 'T999' },
			{ filters: { x: 1 }, limit: 100, starting_after: 'T1999' },
		]);
	});

	it('stops when PagerDuty says there is no more', async () => {
		const { context, sent } = fakeListServer((request) =>
			paginateStartingAfter(request, things(30), 'data'),
		);
		const records = await pagerDutyApiRequestStartingAfter.call(context, raw, 'data', {
			pageSize: 10,
		});
		expect(idsOf(records)).toEqual(range(30));
		expect(sent).toHaveLength(3);
	});

	it('fails instead of looping when the same last ID comes back', async () => {
		const { context, sent } = fakeListServer(() => ({
			status: 200,
			body: { data: things(2), first: 'T0', last: 'T1', more: true },
		}));
		await expect(pagerDutyApiRequestStartingAfter.call(context, raw, 'data')).rejects.toThrow(
			'PagerDuty gave the same page cursor twice while listing /analytics/raw/things',
		);
		expect(sent).toHaveLength(2);
	});
});
