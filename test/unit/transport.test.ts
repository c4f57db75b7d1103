import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fakeNode } from './fake-node';
import {
	pagerDutyApiRequest,
	pagerDutyApiRequestAllItems,
} from '../../nodes/shared/transport/rest';

/** A stand-in for n8n's execute context: records what the transport hands to n8n's HTTP helper. */
function fakeContext(options: {
	authentication?: string;
	credentials?: IDataObject;
	respond?: (request: IHttpRequestOptions) => { statusCode: number; body: unknown };
	cancelSignal?: AbortSignal;
}) {
	const sent: Array<{ credentialType: string; request: IHttpRequestOptions }> = [];
	const node = fakeNode();
	const context = {
		getInputData: () => [{ json: {} }],
		getNode: () => node,
		getNodeParameter: (name: string, _index: number, fallback?: unknown) =>
			name === 'authentication' ? (options.authentication ?? fallback) : fallback,
		getCredentials: async () => options.credentials ?? { apiToken: 'secret', region: 'us' },
		getExecutionCancelSignal: () => options.cancelSignal,
		helpers: {
			httpRequestWithAuthentication: async (
				credentialType: string,
				request: IHttpRequestOptions,
			) => {
				sent.push({ credentialType, request });
				return { headers: {}, ...(options.respond?.(request) ?? { statusCode: 200, body: {} }) };
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, sent };
}

describe('pagerDutyApiRequest', () => {
	it.each([
		['us', 'https://api.pagerduty.com', undefined],
		['eu', 'https://api.eu.pagerduty.com', undefined],
		['custom', 'http://127.0.0.1:4010', 'http://127.0.0.1:4010/'],
	])('sends %s-region requests to %s', async (region, expected, baseUrl) => {
		const { context, sent } = fakeContext({ credentials: { apiToken: 't', region, baseUrl } });
		await pagerDutyApiRequest.call(context, { method: 'GET', path: '/abilities' });
		expect(sent[0].request.baseURL).toBe(expected);
	});

	it("picks the credential by the authentication parameter and sends PagerDuty's headers", async () => {
		const { context, sent } = fakeContext({
			authentication: 'oAuth2',
			credentials: { region: 'us' },
		});
		await pagerDutyApiRequest.call(context, {
			method: 'GET',
			path: '/incidents',
			qs: { statuses: ['triggered'] },
		});
		expect(sent[0].credentialType).toBe('pagerDutyRestOAuth2Api');
		expect(sent[0].request).toMatchObject({
			url: '/incidents',
			arrayFormat: 'brackets',
			headers: {
				Accept: 'application/vnd.pagerduty+json;version=2',
				'Content-Type': 'application/json',
			},
		});
		expect(sent[0].request.headers).not.toHaveProperty('From');
	});

	it("falls back to the credential's default From email, and lets the node's own win", async () => {
		const { context, sent } = fakeContext({
			credentials: { apiToken: 't', region: 'us', defaultFromEmail: 'ops@example.com' },
		});
		await pagerDutyApiRequest.call(context, { method: 'POST', path: '/incidents', body: {} });
		await pagerDutyApiRequest.call(context, {
			method: 'POST',
			path: '/incidents',
			body: {},
			from: 'jane@example.com',
		});
		expect(sent.map(({ request }) => request.headers?.From)).toEqual([
			'ops@example.com',
			'jane@example.com',
		]);
	});

	it("turns an error answer into an error carrying PagerDuty's message", async () => {
		const { context } = fakeContext({
			respond: () => ({ statusCode: 404, body: { error: { message: 'Not Found', code: 2100 } } }),
		});
		await expect(
			pagerDutyApiRequest.call(context, { method: 'GET', path: '/incidents/X' }),
		).rejects.toThrow('PagerDuty 404: Not Found (code 2100)');
	});
});

describe('pagerDutyApiRequestAllItems', () => {
	const pagedList =
		(total: number, reportTotal = true) =>
		(request: IHttpRequestOptions) => {
			const { limit, offset } = request.qs as { limit: number; offset: number };
			const records = Array.from(
				{ length: Math.max(0, Math.min(limit, total - offset)) },
				(_, i) => ({ id: `P${offset + i}` }),
			);
			const body = {
				incidents: records,
				limit,
				offset,
				more: offset + limit < total,
				total: request.qs?.total && reportTotal ? total : null,
			};
			return { statusCode: 200, body };
		};
	const offsetsSent = (sent: Array<{ request: IHttpRequestOptions }>) =>
		sent.map(({ request }) => request.qs?.offset).sort((a, b) => Number(a) - Number(b));

	it('advances the offset by the page size (n8n-io/n8n#35775): 250 records in 3 pages, in order', async () => {
		const { context, sent } = fakeContext({ respond: pagedList(250) });
		const records = await pagerDutyApiRequestAllItems.call(
			context,
			{ method: 'GET', path: '/incidents' },
			'incidents',
		);
		expect(offsetsSent(sent)).toEqual([0, 100, 200]);
		expect(sent.every(({ request }) => request.qs?.limit === 100)).toBe(true);
		expect(sent[0].request.qs?.total).toBe(true);
		expect(records.map((record) => record.id)).toEqual(
			Array.from({ length: 250 }, (_, i) => `P${i}`),
		);
	});

	it('pages one after another when PagerDuty gives no total', async () => {
		const { context, sent } = fakeContext({ respond: pagedList(250, false) });
		const records = await pagerDutyApiRequestAllItems.call(
			context,
			{ method: 'GET', path: '/incidents' },
			'incidents',
		);
		expect(sent.map(({ request }) => request.qs?.offset)).toEqual([0, 100, 200]);
		expect(records).toHaveLength(250);
	});

	it('asks for no more than a small limit', async () => {
		const { context, sent } = fakeContext({ respond: pagedList(250) });
		const records = await pagerDutyApiRequestAllItems.call(
			context,
			{ method: 'GET', path: '/incidents' },
			'incidents',
			{ maxItems: 7 },
		);
		expect(sent.map(({ request }) => request.qs?.limit)).toEqual([7]);
		expect(records).toHaveLength(7);
	});

	it('stops at the 10,000 offset ceiling with advice instead of truncating, when the list cannot be sliced', async () => {
		const { context, sent } = fakeContext({ respond: pagedList(12_000) });
		await expect(
			pagerDutyApiRequestAllItems.call(context, { method: 'GET', path: '/services' }, 'incidents'),
		).rejects.toThrow(/at most 10,000 records/);
		expect(sent).toHaveLength(1);
	});
});

describe('cancellation', () => {
	it('ends the retry waits as soon as the execution is cancelled', async () => {
		const controller = new AbortController();
		const { context, sent } = fakeContext({
			respond: () => ({ statusCode: 503, body: {} }),
			cancelSignal: controller.signal,
		});
		const started = Date.now();
		const request = pagerDutyApiRequest.call(context, { method: 'GET', path: '/incidents' });
		setTimeout(() => controller.abort(), 100);
		await expect(request).rejects.toThrow();
		// Four backoffs of at least 0.25 + 0.5 + 1 + 2 s lie ahead; the cancel cuts them short.
		expect(Date.now() - started).toBeLessThan(2000);
		expect(sent.length).toBeLessThan(5);
	});
});
