import { missingAbility, PagerDutyError } from '../../dev/sandbox/errors';
import { IdFactory, Random } from '../../dev/sandbox/random';
import type { RestRequest } from '../../dev/sandbox/rest-common';
import { paginate, paginateAfter, paginateCursor } from '../../dev/sandbox/rest-common';

const listRequest = (query: Record<string, string> = {}): RestRequest => ({
	match: { operation: 'GET /things', pathParams: {}, query, body: undefined, fromRequired: false },
	actor: null,
	principal: 'account',
});

const things = Array.from({ length: 120 }, (_, index) => ({ id: `T${index}` }));

type Page = Record<string, unknown> & { things: Array<{ id: string }> };
const bodyOf = (response: { body: unknown }) => response.body as Page;
const idsOf = (page: Page) => page.things.map((thing) => thing.id);
const range = (from: number, to: number) =>
	Array.from({ length: to - from }, (_, index) => `T${from + index}`);

describe('paginateCursor', () => {
	it('serves 25 records by default, then the rest by next_cursor, and null at the end', () => {
		const first = bodyOf(paginateCursor(listRequest(), things, 'things'));
		expect(idsOf(first)).toEqual(range(0, 25));
		expect(first.limit).toBe(25);
		expect(typeof first.next_cursor).toBe('string');

		const seen = [...idsOf(first)];
		let cursor = first.next_cursor as string | null;
		while (cursor !== null) {
			const page = bodyOf(paginateCursor(listRequest({ limit: '40', cursor }), things, 'things'));
			seen.push(...idsOf(page));
			cursor = page.next_cursor as string | null;
		}
		expect(seen).toEqual(range(0, 120));
	});

	it('caps the page at 100 whatever limit asks, and its cursor is not a plain offset', () => {
		const page = bodyOf(paginateCursor(listRequest({ limit: '500' }), things, 'things'));
		expect(page.limit).toBe(100);
		expect(page.things).toHaveLength(100);
		expect(page.next_cursor).not.toBe('100');
		const last = bodyOf(
			paginateCursor(listRequest({ cursor: page.next_cursor as string }), things, 'things'),
		);
		expect(idsOf(last)).toEqual(range(100, 120));
		expect(last.next_cursor).toBeNull();
	});

	it.each([
		['a cursor it did not make', { cursor: 'not-a-cursor' }],
		['a limit below 1', { limit: '0' }],
	])('refuses %s with 400', (_label, query: Record<string, string>) => {
		expect(() => paginateCursor(listRequest(query), things, 'things')).toThrow(
			expect.objectContaining({ status: 400 }),
		);
	});
});

describe('paginateAfter', () => {
	it('pages forward by after, back by before, and counts the total only when asked', () => {
		const first = bodyOf(paginateAfter(listRequest({ limit: '50' }), things, 'things'));
		expect(idsOf(first)).toEqual(range(0, 50));
		expect(first).toMatchObject({ limit: 50, before: null, total: null });

		const second = bodyOf(
			paginateAfter(
				listRequest({ limit: '50', after: first.after as string, total: 'true' }),
				things,
				'things',
			),
		);
		expect(idsOf(second)).toEqual(range(50, 100));
		expect(second.total).toBe(120);

		const third = bodyOf(
			paginateAfter(listRequest({ limit: '50', after: second.after as string }), things, 'things'),
		);
		expect(idsOf(third)).toEqual(range(100, 120));
		expect(third.after).toBeNull();

		const back = bodyOf(
			paginateAfter(listRequest({ limit: '50', before: third.before as string }), things, 'things'),
		);
		expect(idsOf(back)).toEqual(range(50, 100));
	});

	it('refuses after and before together', () => {
		const { after } = bodyOf(paginateAfter(listRequest(), things, 'things'));
		expect(() =>
			paginateAfter(
				listRequest({ after: after as string, before: after as string }),
				things,
				'things',
			),
		).toThrow(PagerDutyError);
	});
});

describe('paginate (classic offset)', () => {
	it('answers total null unless asked, for lists paged without total', () => {
		const page = bodyOf(paginate(listRequest({ limit: '100', offset: '100' }), things, 'things'));
		expect(page).toMatchObject({ total: null, more: false, offset: 100 });
		expect(idsOf(page)).toEqual(range(100, 120));
	});
});

describe('missingAbility', () => {
	it("answers 402 in PagerDuty's envelope, naming the ability", () => {
		const error = missingAbility('event_intelligence');
		expect(error.status).toBe(402);
		expect(error.body).toEqual({
			error: {
				message: 'Account does not have the abilities to perform the action',
				code: 2014,
				errors: ['Required abilities are unavailable: event_intelligence'],
			},
		});
	});
});

describe('IdFactory', () => {
	it('makes UUIDs and ULID-like IDs from the seeded random: the same on every run', () => {
		const a = new IdFactory(new Random(7));
		const b = new IdFactory(new Random(7));
		const uuids = [a.uuid(), a.uuid()];
		const ulids = [a.ulidLike(), a.ulidLike()];
		expect([b.uuid(), b.uuid(), b.ulidLike(), b.ulidLike()]).toEqual([...uuids, ...ulids]);
		for (const uuid of uuids)
			expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		for (const ulid of ulids) expect(ulid).toMatch(/^01[0-9A-Z]{24}$/);
		expect(new Set([...uuids, ...ulids]).size).toBe(4);
	});
});
