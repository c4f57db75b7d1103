// Abuse suite, hostile upstreams: for each credential type, answers that echo the request into
// their errors, redirect, break off, are not JSON or not the JSON expected, or send rate-limit
// headers meant to stall. Every case runs two items with "continue on fail"; each item must come
// out as an error where the case says so, nothing may reach another host, and the whole run
// (hidden properties of errors included) must hold no secret.
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { inspect } from 'util';

import { createTally } from './tally';
import { PagerDutyApi } from '../../credentials/PagerDutyApi.credentials';
import { PagerDutyOAuth2Api } from '../../credentials/PagerDutyOAuth2Api.credentials';
import type { RunNodeResult } from '../../dev/harness/engine';
import { WebhookHarness } from '../../dev/harness/webhook';
import { DEFAULT_ROUTING_KEY } from '../../dev/sandbox/events';
import type { FaultResponse, PagerDutySandbox } from '../../dev/sandbox/server';
import { PagerDutyTrigger } from '../../nodes/PagerDutyTrigger/PagerDutyTrigger.node';
import { useForeignHost } from '../integration/hostile';
import type { Auth } from '../integration/pagerduty';
import {
	ADMIN_EMAIL,
	DEFAULT_ACCOUNT_TOKEN,
	DEFAULT_OAUTH_CLIENT,
	DEFAULT_USER_TOKEN,
	useSandbox,
} from '../integration/pagerduty';

const pagerDuty = useSandbox({ seed: { incidents: 10 } });
const foreign = useForeignHost();
const tally = createTally('hostile upstreams');

const secretsOf = (sandbox: PagerDutySandbox) => [
	DEFAULT_ACCOUNT_TOKEN,
	DEFAULT_USER_TOKEN,
	DEFAULT_ROUTING_KEY,
	DEFAULT_OAUTH_CLIENT.clientId,
	DEFAULT_OAUTH_CLIENT.clientSecret,
	'proxy-s3cret',
	...sandbox.oauthGrants().flatMap((grant) => [grant.accessToken, grant.refreshToken]),
];

/** What a case answers, as sandbox faults (`operation` is filled in per request under test). */
interface Behaviour {
	name: string;
	faults: (foreignUrl: string) => FaultResponse[];
	/** Items that must come out as errors; default both. `custom` is the Custom API Call. */
	mustFail?: (operation: string) => number[];
	/** Requests run one after another (the second must meet what the first's answer said). */
	oneAtATime?: boolean;
}

const persistent = (fault: Omit<FaultResponse, 'operation'>) => () => [fault];

const BEHAVIOURS: Behaviour[] = [
	{ name: 'echoes the request into a 400', faults: persistent({ status: 400, echo: 'json' }) },
	{ name: 'echoes the request into a 401', faults: persistent({ status: 401, echo: 'json' }) },
	{ name: 'echoes the request into a 403', faults: persistent({ status: 403, echo: 'json' }) },
	{ name: 'echoes the request as text, 502', faults: persistent({ status: 502, echo: 'text' }) },
	...[301, 302, 303, 307, 308].map((status) => ({
		name: `redirects to another host (${status})`,
		faults: (foreignUrl: string) => [
			{ status, headers: { location: `${foreignUrl}/steal?next=1` }, body: null },
		],
	})),
	{
		name: 'redirects to a javascript: Location',
		faults: persistent({ status: 302, headers: { location: 'javascript:alert(1)' }, body: null }),
	},
	{
		name: 'cuts the JSON off (200)',
		faults: persistent({ status: 200, body: '{"incident": {"id": "P' }),
	},
	{
		name: 'answers an HTML page (200)',
		faults: persistent({
			status: 200,
			headers: { 'content-type': 'text/html' },
			body: '<html><body>Log in to the proxy</body></html>',
		}),
	},
	{
		name: 'answers plain text (200)',
		faults: persistent({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'OK' }),
	},
	{
		name: 'answers JSON under text/html (200)',
		faults: persistent({
			status: 200,
			headers: { 'content-type': 'text/html' },
			body: { incident: { id: 'PX' }, incidents: [], status: 'success' },
		}),
	},
	{ name: 'answers a JSON number (200)', faults: persistent({ status: 200, body: '123' }) },
	{ name: 'answers JSON null (200)', faults: persistent({ status: 200, body: 'null' }) },
	{ name: 'answers nothing (200)', faults: persistent({ status: 200, body: null }) },
	{
		name: 'answers JSON of the wrong shape (200)',
		faults: persistent({
			status: 200,
			body: { incident: 'x', incidents: 'x', note: 7, abilities: 'x', status: 42, more: false },
		}),
		// The Custom API Call takes any JSON object PagerDuty answers: it expects no shape.
		mustFail: (operation) => (operation === 'custom' ? [] : [0, 1]),
	},
	{
		name: 'cuts the connection mid-body',
		faults: persistent({
			status: 200,
			body: { incident: { id: 'PX', padding: 'x'.repeat(4000) }, status: 'success' },
			cutAfterBytes: 64,
		}),
	},
	{
		name: 'says the rate limit resets in 100,000 s, on a good answer',
		faults: () => [
			{
				status: 200,
				headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': '100000' },
				addHeadersOnly: true,
			},
		],
		// The answer itself is good: the first item keeps it, the second must not wait 28 hours.
		mustFail: () => [1],
		oneAtATime: true,
	},
	{
		name: 'answers 429 with a reset of 100,000 s',
		faults: persistent({
			status: 429,
			headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': '100000' },
		}),
	},
	{
		name: 'answers 429 with resets that are no numbers',
		faults: persistent({ status: 429, headers: { 'ratelimit-reset': '-5, abc' } }),
	},
];

/** The requests under test for each credential type; `operation` is how faults target them. */
const REST_REQUESTS: Array<{ kind: string; operation: string; parameters: () => INodeParameters }> =
	[
		{
			kind: 'get',
			operation: 'GET /incidents/{id}',
			parameters: () => ({
				resource: 'incident',
				operation: 'get',
				incidentId: pagerDuty.sandbox.store.incidents[0].id,
			}),
		},
		{
			kind: 'list',
			operation: 'GET /incidents',
			parameters: () => ({ resource: 'incident', operation: 'getAll', limit: 3 }),
		},
		{
			kind: 'write',
			operation: 'POST /incidents/{id}/notes',
			parameters: () => ({
				resource: 'incidentNote',
				operation: 'create',
				incidentId: pagerDuty.sandbox.store.incidents[0].id,
				content: 'Looking',
				email: ADMIN_EMAIL,
			}),
		},
		{
			kind: 'custom',
			operation: 'GET /abilities',
			parameters: () => ({ resource: 'apiCall', operation: 'request', path: '/abilities' }),
		},
	];

const EVENT_REQUESTS = [
	{
		kind: 'event',
		operation: 'POST /v2/enqueue',
		parameters: (): INodeParameters => ({
			resource: 'event',
			operation: 'trigger',
			summary: 'Disk full',
			source: 'db-01',
			dedupKey: 'disk-full',
		}),
	},
	{
		kind: 'change event',
		operation: 'POST /v2/change/enqueue',
		parameters: (): INodeParameters => ({
			resource: 'event',
			operation: 'sendChangeEvent',
			summary: 'Deployed',
		}),
	},
];

async function runEvents(parameters: INodeParameters, items: number): Promise<RunNodeResult> {
	// The Events node has no Resource field: `resource: 'event'` only sorts the cases here.
	return await pagerDuty.runEvents(
		{ ...parameters, resource: undefined },
		{ items: Array.from({ length: items }, () => ({})), continueOnFail: true },
	);
}

const CREDENTIALS: Array<Auth | 'events'> = ['apiToken', 'userToken', 'oAuth2', 'events'];

const CASES = CREDENTIALS.flatMap((credential) =>
	(credential === 'events' ? EVENT_REQUESTS : REST_REQUESTS).flatMap((request) =>
		BEHAVIOURS.map((behaviour): [Auth | 'events', string, string, typeof request, Behaviour] => [
			credential,
			request.kind,
			behaviour.name,
			request,
			behaviour,
		]),
	),
);

async function runCase(
	credential: Auth | 'events',
	parameters: INodeParameters,
	behaviour: Behaviour,
): Promise<RunNodeResult> {
	const settings = {
		requestSettings: { maxRetryWait: 1, ...(behaviour.oneAtATime && { concurrency: 1 }) },
	};
	if (credential === 'events') return await runEvents({ ...parameters, ...settings }, 2);
	return await pagerDuty.run(
		{ ...parameters, ...settings },
		{ auth: credential, items: [{}, {}], continueOnFail: true },
	);
}

describe('hostile upstreams', () => {
	it.each(CASES)(
		'%s, %s: the upstream %s',
		async (credential, kind, name, request, behaviour) => {
			for (const fault of behaviour.faults(foreign.url))
				pagerDuty.sandbox.queueResponses(50, { ...fault, operation: request.operation });
			const started = Date.now();
			const result = await runCase(credential, request.parameters(), behaviour);
			const record = tally.record(
				{
					name: `${credential} ${kind}: ${name}`,
					operation: request.operation,
					requests: pagerDuty.sandbox.requests.length,
					foreignRequests: foreign.requests.length,
				},
				result,
				secretsOf(pagerDuty.sandbox),
				behaviour.mustFail?.(kind) ?? [0, 1],
			);
			expect(result.error).toBeUndefined();
			expect(record.leaks).toEqual([]);
			expect(record.silentSuccesses).toBe(0);
			expect(record.foreignRequests).toBe(0);
			// Nothing stalls: the longest case retries a 5xx within Max Retry Wait (1 s) per item.
			expect(Date.now() - started).toBeLessThan(15_000);
		},
		30_000,
	);

	describe('OAuth2 token refresh', () => {
		const expiredToken = () => {
			const token = pagerDuty.sandbox.issueOAuthToken(DEFAULT_OAUTH_CLIENT.clientId);
			pagerDuty.sandbox.expireAccessToken(token.access_token);
			return {
				oauthTokenData: {
					...token,
					token_type: 'Bearer',
				} as unknown as ICredentialDataDecryptedObject,
			};
		};

		it.each<[string, Omit<FaultResponse, 'operation'>]>([
			['echoes the form into a 400', { status: 400, echo: 'json' }],
			['echoes the form as text, 500', { status: 500, echo: 'text' }],
			[
				'answers an HTML page',
				{ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>' },
			],
			['answers JSON without a token', { status: 200, body: { hello: 'world' } }],
		])('the token endpoint %s', async (name, fault) => {
			pagerDuty.sandbox.queueResponses(50, { ...fault, operation: 'POST /oauth/token' });
			const result = await pagerDuty.run(
				{
					resource: 'incident',
					operation: 'get',
					incidentId: pagerDuty.sandbox.store.incidents[0].id,
				},
				{ auth: 'oAuth2', continueOnFail: true, credential: expiredToken(), items: [{}, {}] },
			);
			const record = tally.record(
				{
					name: `oAuth2 refresh: ${name}`,
					operation: 'POST /oauth/token',
					requests: pagerDuty.sandbox.requests.length,
					foreignRequests: foreign.requests.length,
				},
				result,
				secretsOf(pagerDuty.sandbox),
				[0, 1],
			);
			expect(record.leaks).toEqual([]);
			expect(record.silentSuccesses).toBe(0);
			const errors = result.items.map((item) => String(item.json.error));
			expect(errors.every((error) => !error.startsWith('Could not reach PagerDuty at'))).toBe(true);
		});
	});

	describe("the trigger's webhook subscription, whose signing secret lives beside the credential", () => {
		const trigger = () =>
			new WebhookHarness({
				nodeType: new PagerDutyTrigger(),
				typeName: 'n8n-nodes-pagerduty.pagerDutyTrigger',
				parameters: {
					authentication: 'apiToken',
					scope: 'account',
					events: ['incident.triggered'],
				},
				credentials: pagerDuty.credentialsFor('apiToken'),
				credentialTypes: [new PagerDutyApi(), new PagerDutyOAuth2Api()],
				webhookBaseUrl: 'http://127.0.0.1:9/webhook',
			});

		/** What activating or deactivating exposed: the error it threw, hidden properties included. */
		const thrownBy = async (hook: Promise<unknown>) => {
			try {
				await hook;
				return undefined;
			} catch (error) {
				return error;
			}
		};

		it.each<[string, 'create' | 'delete', Omit<FaultResponse, 'operation'>]>([
			['creating it, echoes the request into a 400', 'create', { status: 400, echo: 'json' }],
			[
				'creating it, cuts off the answer that holds the secret',
				'create',
				{
					status: 201,
					body: '{"webhook_subscription": {"id": "PWH1", "delivery_method": {"secret": "whsec-cut-0123456789',
				},
			],
			['deleting it, echoes the request into a 500', 'delete', { status: 500, echo: 'text' }],
			[
				'deleting it, redirects to another host',
				'delete',
				{ status: 307, headers: { location: 'http://127.0.0.1:9/steal' }, body: null },
			],
		])('the upstream, %s', async (name, hook, fault) => {
			const harness = trigger();
			const operation =
				hook === 'create' ? 'POST /webhook_subscriptions' : 'DELETE /webhook_subscriptions/{id}';
			if (hook === 'delete') await harness.activate();
			const signingSecret = String(harness.staticData.signingSecret ?? 'whsec-cut-0123456789');
			pagerDuty.sandbox.queueResponses(50, { ...fault, operation });
			const thrown = await thrownBy(
				hook === 'create' ? harness.activate() : harness.runHook('delete', 'activate'),
			);
			const text = inspect(thrown, { showHidden: true, depth: Infinity, getters: true });
			const leaks = [...secretsOf(pagerDuty.sandbox), signingSecret].filter((secret) =>
				text.includes(secret),
			);
			tally.cases.push({
				name: `trigger ${hook}: ${name}`,
				operation,
				requests: pagerDuty.sandbox.requests.length,
				silentSuccesses: thrown === undefined ? 1 : 0,
				leaks,
				foreignRequests: foreign.requests.length,
			});
			expect(thrown).toBeInstanceOf(Error);
			expect(leaks).toEqual([]);
		});
	});

	it('tallies every case: no leak, no silent success, nothing sent to another host', () => {
		const figures = tally.figures();
		tally.print();
		expect(figures.cases).toBe(CASES.length + 8);
		expect(figures.leaksFound).toBe(0);
		expect(figures.silentSuccesses).toBe(0);
		expect(figures.foreignRequests).toBe(0);
	});
});
