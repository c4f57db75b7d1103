import { useSandboxServer } from './use-sandbox';
import { call, Json } from '../../dev/sandbox/helpers';
import { startSandbox } from '../../dev/sandbox/server';

describe('PagerDuty sandbox fault injection', () => {
	const server = useSandboxServer({ seed: { incidents: 10 } });

	it('queues 429 responses with and without rate-limit headers, then recovers', async () => {
		server.sandbox.queueResponses(1, { status: 429, headers: { 'ratelimit-reset': '1' } });
		server.sandbox.queueResponses(1, { status: 429, body: null });
		const first = await call(server.sandbox.url, 'GET', '/incidents');
		expect(first.status).toBe(429);
		expect(first.headers.get('ratelimit-reset')).toBe('1');
		expect(first.body).toEqual({ error: { message: 'Rate Limit Exceeded', code: 2020 } });

		const bare = await fetch(`${server.sandbox.url}/incidents`);
		expect(bare.status).toBe(429);
		expect(bare.headers.get('ratelimit-reset')).toBeNull();
		expect(await bare.text()).toBe('');

		const ok = await call(server.sandbox.url, 'GET', '/incidents');
		expect(ok.status).toBe(200);
		expect(server.sandbox.requests.map((request) => request.status)).toEqual([429, 429, 200]);
	});

	it('targets a single operation and serves 5xx bodies', async () => {
		server.sandbox.queueResponses(2, { status: 503, operation: 'GET /users' });
		expect((await call(server.sandbox.url, 'GET', '/teams')).status).toBe(200);
		const failed = await call(server.sandbox.url, 'GET', '/users');
		expect(failed.status).toBe(503);
		expect(failed.body.error.message).toBe('Internal Server Error');
		expect((await call(server.sandbox.url, 'GET', '/users')).status).toBe(503);
		expect((await call(server.sandbox.url, 'GET', '/users')).status).toBe(200);
	});

	it('drops connections without a response', async () => {
		server.sandbox.dropConnections(1);
		await expect(call(server.sandbox.url, 'GET', '/incidents')).rejects.toThrow();
		expect((await call(server.sandbox.url, 'GET', '/incidents')).status).toBe(200);
		expect(server.sandbox.requests.map((request) => request.status)).toEqual([0, 200]);
	});

	it('echoes the request into its error, as JSON in the envelope or as text', async () => {
		server.sandbox.queueResponses(1, { status: 400, echo: 'json' });
		server.sandbox.queueResponses(1, { status: 502, echo: 'text' });
		const headers = { Authorization: 'Token token=echo-me' };
		const json = await call(server.sandbox.url, 'GET', '/incidents', { headers });
		expect(json.body.error.message).toBe('Cannot process GET /incidents');
		expect(json.body.error.errors).toContain('authorization: Token token=echo-me');
		const text = await fetch(`${server.sandbox.url}/teams?query=x`, { headers });
		expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(await text.text()).toMatch(
			/^GET \/teams\?query=x\n[^]*authorization: Token token=echo-me/,
		);
	});

	it('cuts a body off after some bytes', async () => {
		server.sandbox.queueResponses(1, {
			status: 200,
			body: { padding: 'x'.repeat(5000) },
			cutAfterBytes: 10,
		});
		await expect(
			fetch(`${server.sandbox.url}/incidents`).then(async (response) => await response.text()),
		).rejects.toThrow();
		expect((await call(server.sandbox.url, 'GET', '/incidents')).status).toBe(200);
	});

	it('adds headers to an answer given as usual', async () => {
		server.sandbox.queueResponses(1, {
			status: 200,
			headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': '100000' },
			addHeadersOnly: true,
		});
		const answer = await call(server.sandbox.url, 'GET', '/incidents');
		expect(answer.status).toBe(200);
		expect(answer.body.incidents).toHaveLength(10);
		expect(answer.headers.get('ratelimit-reset')).toBe('100000');
	});

	it('adds latency', async () => {
		server.sandbox.setLatency(150);
		const started = Date.now();
		await call(server.sandbox.url, 'GET', '/abilities');
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('is controllable over HTTP under /__sandbox', async () => {
		const post = (path: string, body: unknown) =>
			fetch(`${server.sandbox.url}/__sandbox/${path}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			});
		expect((await post('faults', { status: 500, count: 1 })).status).toBe(204);
		expect((await call(server.sandbox.url, 'GET', '/priorities')).status).toBe(500);
		expect((await call(server.sandbox.url, 'GET', '/priorities')).status).toBe(200);

		const log = (await (await fetch(`${server.sandbox.url}/__sandbox/requests`)).json()) as Json;
		expect(log.requests.map((request: { status: number }) => request.status)).toEqual([500, 200]);

		const issued = (await (await post('oauth/token', { scope: 'write' })).json()) as Json;
		expect(
			(
				await call(server.sandbox.url, 'GET', '/users/me', {
					headers: { Authorization: `Bearer ${issued.access_token}` },
				})
			).status,
		).toBe(200);
		expect((await post('oauth/expire', { access_token: issued.access_token })).status).toBe(204);
		expect(
			(
				await call(server.sandbox.url, 'GET', '/users/me', {
					headers: { Authorization: `Bearer ${issued.access_token}` },
				})
			).status,
		).toBe(401);

		expect((await post('drop', { count: 1 })).status).toBe(204);
		await expect(call(server.sandbox.url, 'GET', '/teams')).rejects.toThrow();

		const incident = server.sandbox.store.incidents[0];
		incident.title = 'changed';
		expect((await post('reset', {})).status).toBe(204);
		expect(server.sandbox.store.incidents[0].title).not.toBe('changed');
		expect(server.sandbox.requests).toHaveLength(0);
	});

	it('can enforce the rate limit itself', async () => {
		const limited = await startSandbox({
			seed: { incidents: 1 },
			rateLimitPerMinute: 2,
			enforceRateLimit: true,
		});
		try {
			expect((await call(limited.url, 'GET', '/teams')).status).toBe(200);
			expect((await call(limited.url, 'GET', '/teams')).status).toBe(200);
			const third = await call(limited.url, 'GET', '/teams');
			expect(third.status).toBe(429);
			expect(third.headers.get('ratelimit-remaining')).toBe('0');
			expect(third.body).toEqual({ error: { message: 'Rate Limit Exceeded', code: 2020 } });
		} finally {
			await limited.close();
		}
	});
});
