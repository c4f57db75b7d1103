import { createServer } from 'http';
import type { IncomingHttpHeaders, Server } from 'http';
import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeListSearchResult,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';
import type { AddressInfo } from 'net';

import { callLoadOptions, runNode, testCredential } from '../../dev/harness/engine';

// ---------------------------------------------------------------------------------------------
// A tiny local API
// ---------------------------------------------------------------------------------------------

interface RecordedRequest {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	body: string;
}

const requests: RecordedRequest[] = [];
let server: Server;
let baseUrl = '';

const API_TOKEN = 'secret-token';
const THINGS = [
	{ id: 'a', name: 'Alpha' },
	{ id: 'b', name: 'Bravo' },
	{ id: 'c', name: 'Charlie' },
];

function send(res: import('http').ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'Content-Type': 'application/json' });
	res.end(JSON.stringify(body));
}

function isAuthorized(headers: IncomingHttpHeaders): boolean {
	const auth = headers.authorization;
	return auth === `Token token=${API_TOKEN}` || auth === 'Bearer new-access';
}

beforeAll(async () => {
	server = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			requests.push({
				method: req.method ?? '',
				path: url.pathname + url.search,
				headers: req.headers,
				body,
			});

			if (req.method === 'POST' && url.pathname === '/oauth/token') {
				send(res, 200, {
					access_token: 'new-access',
					refresh_token: 'new-refresh',
					token_type: 'bearer',
					expires_in: 3600,
				});
				return;
			}
			if (!isAuthorized(req.headers)) {
				send(res, 401, { error: { message: 'Unauthorized', code: 2006 } });
				return;
			}
			if (url.pathname === '/abilities') {
				send(res, 200, { abilities: ['teams'] });
				return;
			}
			if (url.pathname === '/things') {
				const query = (url.searchParams.get('query') ?? '').toLowerCase();
				send(res, 200, { things: THINGS.filter((t) => t.name.toLowerCase().includes(query)) });
				return;
			}
			const match = /^\/things\/([^/]+)$/.exec(url.pathname);
			const thing = match ? THINGS.find((t) => t.id === match[1]) : undefined;
			if (thing) {
				send(res, 200, { thing });
				return;
			}
			send(res, 404, { error: { message: 'Not Found', code: 2100 } });
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
	requests.length = 0;
});

// ---------------------------------------------------------------------------------------------
// Tiny credential and node types
// ---------------------------------------------------------------------------------------------

class ThingsApi implements ICredentialType {
	name = 'thingsApi';

	displayName = 'Things API';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Token token={{$credentials.apiToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/abilities' },
		rules: [{ type: 'responseCode', properties: { value: 403, message: 'Token lacks access' } }],
	};
}

/** OAuth2 type in the PagerDuty style: hidden endpoint/flow fields, endpoints derived from baseUrl. */
class ThingsOAuth2Api implements ICredentialType {
	name = 'thingsOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Things OAuth2 API';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: 'https://things.invalid' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '={{ $self["baseUrl"] + "/oauth/authorize" }}',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{ $self["baseUrl"] + "/oauth/token" }}',
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'write' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}

/** Same, but client authentication is left to the base type's visible field (default: header). */
class ThingsHeaderOAuth2Api implements ICredentialType {
	name = 'thingsHeaderOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Things Header OAuth2 API';

	properties: INodeProperties[] = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{ $self["baseUrl"] + "/oauth/token" }}',
		},
	];
}

const credentialTypes = [new ThingsApi(), new ThingsOAuth2Api(), new ThingsHeaderOAuth2Api()];
const TYPE_NAME = 'test.things';

function credentialName(authentication: string): string {
	if (authentication === 'oAuth2') return 'thingsOAuth2Api';
	if (authentication === 'headerOAuth2') return 'thingsHeaderOAuth2Api';
	return 'thingsApi';
}

class Things implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Things',
		name: 'things',
		group: ['transform'],
		version: 1,
		description: 'Reads things',
		defaults: { name: 'Things' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'thingsApi',
				required: true,
				displayOptions: { show: { authentication: ['apiToken'] } },
			},
			{
				name: 'thingsOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
			{
				name: 'thingsHeaderOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['headerOAuth2'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'API Token', value: 'apiToken' },
					{ name: 'OAuth2', value: 'oAuth2' },
					{ name: 'OAuth2 (Header)', value: 'headerOAuth2' },
				],
				default: 'apiToken',
			},
			{ displayName: 'Thing ID', name: 'thingId', type: 'string', default: '={{ $json.id }}' },
			{
				displayName: 'Thing',
				name: 'thingOption',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getThings' },
				default: '',
			},
		],
	};

	methods = {
		loadOptions: {
			async getThings(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const authentication = this.getNodeParameter('authentication', 'apiToken') as string;
				const type = credentialName(authentication);
				const { baseUrl: url } = await this.getCredentials<{ baseUrl: string }>(type);
				const response = (await this.helpers.httpRequestWithAuthentication.call(this, type, {
					url: `${url}/things`,
					json: true,
				})) as { things: Array<{ id: string; name: string }> };
				return response.things.map((t) => ({ name: t.name, value: t.id }));
			},
		},
		listSearch: {
			async searchThings(
				this: ILoadOptionsFunctions,
				filter?: string,
			): Promise<INodeListSearchResult> {
				const { baseUrl: url } = await this.getCredentials<{ baseUrl: string }>('thingsApi');
				const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'thingsApi', {
					url: `${url}/things`,
					qs: { query: filter ?? '' },
					json: true,
				})) as { things: Array<{ id: string; name: string }> };
				return { results: response.things.map((t) => ({ name: t.name, value: t.id })) };
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const returnData: INodeExecutionData[] = [];
		const type = credentialName(this.getNodeParameter('authentication', 0) as string);
		for (let i = 0; i < items.length; i++) {
			try {
				const { baseUrl: url } = await this.getCredentials<{ baseUrl: string }>(type, i);
				const thingId = this.getNodeParameter('thingId', i) as string;
				const response = (await this.helpers.httpRequestWithAuthentication.call(this, type, {
					url: `${url}/things/${thingId}`,
					json: true,
				})) as IDataObject;
				returnData.push({ json: response, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					returnData.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex: i });
			}
		}
		return [returnData];
	}
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('runNode (n8n-core WorkflowExecute)', () => {
	const apiCredentials = () => ({ thingsApi: { apiToken: API_TOKEN, baseUrl } });

	it('applies the generic authenticate template and pairs two items', async () => {
		const result = await runNode({
			nodeType: new Things(),
			typeName: TYPE_NAME,
			parameters: {},
			credentials: apiCredentials(),
			credentialTypes,
			items: [{ id: 'a' }, { id: 'b' }],
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { thing: THINGS[0] }, pairedItem: { item: 0 } },
			{ json: { thing: THINGS[1] }, pairedItem: { item: 1 } },
		]);
		expect(requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
			['GET', '/things/a', 'Token token=secret-token'],
			['GET', '/things/b', 'Token token=secret-token'],
		]);
	});

	it('continueOnFail turns a failing item into an error item with its pairedItem', async () => {
		const result = await runNode({
			nodeType: new Things(),
			typeName: TYPE_NAME,
			parameters: {},
			credentials: apiCredentials(),
			credentialTypes,
			items: [{ id: 'a' }, { id: 'missing' }],
			continueOnFail: true,
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(result.items[0]).toEqual({ json: { thing: THINGS[0] }, pairedItem: { item: 0 } });
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
		expect(result.items[1].json.error).toEqual(
			expect.stringContaining('resource you are requesting could not be found'),
		);
	});

	it('without continueOnFail the node error is returned and there is no output', async () => {
		const result = await runNode({
			nodeType: new Things(),
			typeName: TYPE_NAME,
			parameters: {},
			credentials: apiCredentials(),
			credentialTypes,
			items: [{ id: 'a' }, { id: 'missing' }],
		});

		expect(result.items).toEqual([]);
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toContain('Not Found');
	});

	it('OAuth2: a 401 makes n8n-core refresh at the token URL, retry, and persist the new token', async () => {
		const result = await runNode({
			nodeType: new Things(),
			typeName: TYPE_NAME,
			parameters: { authentication: 'oAuth2' },
			credentials: {
				thingsOAuth2Api: {
					baseUrl,
					clientId: 'client-id',
					clientSecret: 'client-secret',
					// Stored values of hidden pinned fields are ignored, as in n8n 2.41.
					accessTokenUrl: 'http://127.0.0.1:1/wrong',
					authentication: 'header',
					oauthTokenData: {
						access_token: 'old-access',
						refresh_token: 'old-refresh',
						token_type: 'Bearer',
					},
				},
			},
			credentialTypes,
			items: [{ id: 'a' }, { id: 'b' }],
		});

		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ thing: THINGS[0] }, { thing: THINGS[1] }]);
		expect(requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
			['GET', '/things/a', 'Bearer old-access'],
			['POST', '/oauth/token', undefined],
			['GET', '/things/a', 'Bearer new-access'],
			['GET', '/things/b', 'Bearer new-access'],
		]);
		const tokenRequest = requests[1];
		expect(tokenRequest.headers['content-type']).toContain('application/x-www-form-urlencoded');
		expect(Object.fromEntries(new URLSearchParams(tokenRequest.body))).toEqual({
			grant_type: 'refresh_token',
			refresh_token: 'old-refresh',
			client_id: 'client-id',
			client_secret: 'client-secret',
		});
		const stored = result.credentials.thingsOAuth2Api;
		expect(stored.oauthTokenData).toMatchObject({
			access_token: 'new-access',
			refresh_token: 'new-refresh',
		});
		expect(stored.clientSecret).toBe('client-secret');
	});

	it('OAuth2 with header client authentication sends Basic credentials to the token URL', async () => {
		const result = await runNode({
			nodeType: new Things(),
			typeName: TYPE_NAME,
			parameters: { authentication: 'headerOAuth2' },
			credentials: {
				thingsHeaderOAuth2Api: {
					baseUrl,
					clientId: 'client-id',
					clientSecret: 'client-secret',
					oauthTokenData: { access_token: 'old-access', refresh_token: 'old-refresh' },
				},
			},
			credentialTypes,
			items: [{ id: 'c' }],
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([{ json: { thing: THINGS[2] }, pairedItem: { item: 0 } }]);
		const tokenRequest = requests.find((r) => r.path === '/oauth/token');
		expect(tokenRequest?.headers.authorization).toBe(
			`Basic ${Buffer.from('client-id:client-secret').toString('base64')}`,
		);
		expect(Object.fromEntries(new URLSearchParams(tokenRequest?.body ?? ''))).toEqual({
			grant_type: 'refresh_token',
			refresh_token: 'old-refresh',
		});
		expect(result.credentials.thingsHeaderOAuth2Api.oauthTokenData).toMatchObject({
			access_token: 'new-access',
		});
	});

	it('an OAuth2 credential without token data fails without calling the API', async () => {
		const result = await runNode({
			nodeType: new Things(),
			typeName: TYPE_NAME,
			parameters: { authentication: 'oAuth2' },
			credentials: { thingsOAuth2Api: { baseUrl, clientId: 'client-id', clientSecret: 'x' } },
			credentialTypes,
		});
		expect(result.items).toEqual([]);
		// As in n8n: the base type's `oauthTokenData` property defaults to {}, so n8n-core gets past its
		// "OAuth credentials not connected" check and fails when signing instead.
		expect(result.error?.message).toBe('Unable to sign without access token');
		expect(requests).toHaveLength(0);
	});
});

describe('callLoadOptions (n8n-core LoadOptionsContext)', () => {
	it('calls a loadOptions method with credentials', async () => {
		const options = await callLoadOptions({
			nodeType: new Things(),
			typeName: TYPE_NAME,
			parameters: {},
			credentials: { thingsApi: { apiToken: API_TOKEN, baseUrl } },
			credentialTypes,
			method: 'getThings',
			kind: 'loadOptions',
		});
		expect(options).toEqual(THINGS.map((t) => ({ name: t.name, value: t.id })));
		expect(requests[0].headers.authorization).toBe('Token token=secret-token');
	});

	it('calls a listSearch method with a filter', async () => {
		const result = await callLoadOptions({
			nodeType: new Things(),
			typeName: TYPE_NAME,
			parameters: {},
			credentials: { thingsApi: { apiToken: API_TOKEN, baseUrl } },
			credentialTypes,
			method: 'searchThings',
			kind: 'listSearch',
			args: ['rav'],
		});
		expect(result.results).toEqual([{ name: 'Bravo', value: 'b' }]);
		expect(requests[0].path).toBe('/things?query=rav');
	});
});

describe('testCredential (declarative test.request via RoutingNode)', () => {
	it('succeeds with a valid token', async () => {
		const result = await testCredential(new ThingsApi(), { apiToken: API_TOKEN, baseUrl });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(requests.map((r) => [r.path, r.headers.authorization])).toEqual([
			['/abilities', 'Token token=secret-token'],
		]);
	});

	it('reports the HTTP status text for a rejected token', async () => {
		const result = await testCredential(new ThingsApi(), { apiToken: 'wrong', baseUrl });
		expect(result).toEqual({ status: 'Error', message: 'Unauthorized' });
	});

	it('reports a connection failure', async () => {
		const result = await testCredential(new ThingsApi(), {
			apiToken: API_TOKEN,
			baseUrl: 'http://127.0.0.1:1',
		});
		expect(result).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
	});

	it('checks an OAuth2 type without test request for a token', async () => {
		expect(await testCredential(new ThingsHeaderOAuth2Api(), { clientId: 'x' })).toMatchObject({
			status: 'Error',
		});
		expect(
			await testCredential(new ThingsHeaderOAuth2Api(), { oauthTokenData: { access_token: 't' } }),
		).toMatchObject({ status: 'OK' });
	});
});
