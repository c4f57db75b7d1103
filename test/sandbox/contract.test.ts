import {
	Contract,
	IncomingRequestShape,
	loadContract,
	validateRequest,
} from '../../dev/sandbox/contract';
import { validateSchema } from '../../dev/sandbox/json-schema';
import { REST_HANDLERS } from '../../dev/sandbox/rest-handlers';
import scopeFile from '../../nodes/shared/scopes.generated.json';

const scopeTable: {
	generatedBy: string;
	scopes: string[];
	operations: Record<string, string | null>;
} = scopeFile;

const ACCEPT = 'application/vnd.pagerduty+json;version=2';

function request(overrides: Partial<IncomingRequestShape>): IncomingRequestShape {
	return {
		method: 'GET',
		path: '/incidents',
		query: [],
		headers: { accept: ACCEPT, 'content-type': 'application/json' },
		rawBody: '',
		...overrides,
	};
}

function violationsOf(contract: Contract, req: IncomingRequestShape): string[] {
	const result = validateRequest(contract, req);
	return result.ok ? [] : result.violations;
}

describe('derived contract file', () => {
	const contract = loadContract();

	it('covers exactly the operations the sandbox has handlers for (tools/derive-contract.js reads their keys)', () => {
		expect(Object.keys(contract.operations).sort()).toEqual(Object.keys(REST_HANDLERS).sort());
	});

	it('holds the foundation operations with fromRequired flags', () => {
		expect(Object.keys(contract.operations).length).toBeGreaterThanOrEqual(20);
		expect(contract.operations['POST /incidents'].fromRequired).toBe(true);
		expect(contract.operations['PUT /incidents/{id}'].fromRequired).toBe(true);
		expect(contract.operations['POST /incidents/{id}/notes'].fromRequired).toBe(true);
		expect(contract.operations['GET /incidents'].fromRequired).toBe(false);
		expect(Object.keys(contract.operations['GET /incidents'].query)).toEqual(
			expect.arrayContaining([
				'statuses[]',
				'service_ids[]',
				'include[]',
				'limit',
				'offset',
				'total',
			]),
		);
	});

	it("keeps each operation's Scoped OAuth scope, as the node's scope table has it", () => {
		const scope = (key: string) => contract.operations[key].scope;
		expect(scope('GET /incidents')).toBe('incidents.read');
		expect(scope('POST /incidents/{id}/notes')).toBe('incidents.write');
		expect(scope('GET /log_entries')).toBe('incidents.read');
		expect(scope('PUT /incidents/{id}/merge')).toBe('incidents.write');
		expect(scope('POST /maintenance_windows')).toBe('services.write');
		expect(scope('GET /schedules/{id}/users')).toBe('users.read');
		expect(scope('GET /users/{id}/contact_methods')).toBe('users:contact_methods.read');
		expect(scope('GET /users/me')).toBeNull();
		for (const [key, operation] of Object.entries(contract.operations))
			expect([key, operation.scope]).toEqual([key, scopeTable.operations[key]]);
		expect(contract.scopes).toEqual(scopeTable.scopes);
	});

	it('carries no prose or vendor extensions from the spec', () => {
		const forbidden = new Set(['description', 'example', 'examples', 'title', 'summary', '$ref']);
		const offenders: string[] = [];
		const walk = (node: unknown, at: string): void => {
			if (Array.isArray(node)) node.forEach((item, index) => walk(item, `${at}[${index}]`));
			else if (node && typeof node === 'object') {
				for (const [key, value] of Object.entries(node)) {
					// "properties" maps property names, which may legitimately be "title" etc.
					const isPropertyName = at.endsWith('.properties');
					if (!isPropertyName && (forbidden.has(key) || key.startsWith('x-')))
						offenders.push(`${at}.${key}`);
					walk(value, `${at}.${key}`);
				}
			}
		};
		walk(contract, '$');
		walk(scopeTable, '$scopes');
		expect(offenders).toEqual([]);
	});
});

describe('scope table for the node (nodes/shared/scopes.generated.json)', () => {
	it("lists every REST operation of the spec with its scope or null, and the spec's scope names", () => {
		const entries = Object.entries(scopeTable.operations);
		expect(scopeTable.generatedBy).toBe('tools/derive-contract.js');
		expect(entries.length).toBeGreaterThan(400);
		for (const [key, scope] of entries) {
			expect(key).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/\S*$/);
			expect(scope === null || /^[a-z_]+(:[a-z_]+)?\.(read|write)$/.test(scope)).toBe(true);
		}
		expect(Object.keys(scopeTable.operations)).toEqual(Object.keys(scopeTable.operations).sort());
		const used = [...new Set(entries.map(([, scope]) => scope).filter(Boolean))].sort();
		expect(scopeTable.scopes).toEqual(used);
		expect(scopeTable.operations['POST /incident_workflows/{id}/instances']).toBe(
			'incident_workflows:instances.write',
		);
		expect(scopeTable.operations['POST /users/{id}/notification_rules']).toBe(
			'users:contact_methods.write',
		);
		expect(scopeTable.operations['GET /v3/schedules']).toBeNull();
	});
});

describe('validateRequest', () => {
	const contract = loadContract();

	it('matches templates and prefers literal segments', () => {
		const me = validateRequest(contract, request({ path: '/users/me' }));
		expect(me.ok && me.match.operation).toBe('GET /users/me');
		const user = validateRequest(contract, request({ path: '/users/PABC123' }));
		expect(user.ok && user.match).toMatchObject({
			operation: 'GET /users/{id}',
			pathParams: { id: 'PABC123' },
		});
	});

	it('answers 404 for unknown routes and 405 for unknown methods', () => {
		expect(validateRequest(contract, request({ path: '/nope' }))).toMatchObject({
			ok: false,
			status: 404,
		});
		expect(validateRequest(contract, request({ path: '/incidents/' }))).toMatchObject({
			ok: false,
			status: 404,
		});
		expect(
			validateRequest(contract, request({ method: 'DELETE', path: '/incidents/PX' })),
		).toMatchObject({
			ok: false,
			status: 405,
		});
	});

	it('requires the versioned Accept header, tolerating extra media types', () => {
		expect(
			violationsOf(contract, request({ headers: { 'content-type': 'application/json' } })),
		).toEqual(['header.Accept: is required']);
		expect(
			violationsOf(
				contract,
				request({ headers: { accept: 'application/json', 'content-type': 'application/json' } }),
			),
		).toEqual(['header.Accept: must include application/vnd.pagerduty+json;version=2']);
		expect(
			validateRequest(
				contract,
				request({
					headers: {
						Accept: `${ACCEPT}, application/json`,
						'Content-Type': 'application/json; charset=utf-8',
					},
				}),
			).ok,
		).toBe(true);
	});

	it('requires Content-Type application/json as the spec declares', () => {
		expect(violationsOf(contract, request({ headers: { accept: ACCEPT } }))).toEqual([
			'header.Content-Type: is required',
		]);
		expect(
			violationsOf(
				contract,
				request({ headers: { accept: ACCEPT, 'content-type': 'text/plain' } }),
			),
		).toEqual(['header.Content-Type: must be application/json']);
	});

	it('rejects limit above 100, unknown parameters and bad types', () => {
		expect(violationsOf(contract, request({ query: [['limit', '500']] }))).toEqual([
			'query.limit: must be <= 100',
		]);
		expect(violationsOf(contract, request({ query: [['statuses', 'triggered']] }))).toEqual([
			'query.statuses: unknown parameter (did you mean statuses[]?)',
		]);
		expect(violationsOf(contract, request({ query: [['offset', 'ten']] }))).toEqual([
			'query.offset: must be an integer',
		]);
		expect(violationsOf(contract, request({ query: [['total', 'yes']] }))).toEqual([
			'query.total: must be true or false',
		]);
		expect(violationsOf(contract, request({ query: [['since', 'last tuesday']] }))).toEqual([
			'query.since: must be an RFC 3339 date-time with seconds and Z or an offset, e.g. 2026-01-15T09:00:00Z',
		]);
		expect(violationsOf(contract, request({ query: [['time_zone', 'Mars/Olympus']] }))).toEqual([
			'query.time_zone: must be a time zone name',
		]);
		expect(
			violationsOf(
				contract,
				request({
					query: [
						['limit', '1'],
						['limit', '2'],
					],
				}),
			),
		).toEqual(['query.limit: must be given once']);
	});

	it('collects repeated array parameters and checks their items', () => {
		const result = validateRequest(
			contract,
			request({
				query: [
					['statuses[]', 'triggered'],
					['statuses[]', 'acknowledged'],
					['sort_by', 'created_at:desc,urgency'],
					['since', '2024-01-01T00:00:00Z'],
				],
			}),
		);
		expect(result.ok && result.match.query).toEqual({
			'statuses[]': ['triggered', 'acknowledged'],
			sort_by: ['created_at:desc', 'urgency'],
			since: '2024-01-01T00:00:00Z',
		});
		expect(violationsOf(contract, request({ query: [['statuses[]', 'open']] }))).toEqual([
			'query.statuses[]: must be one of "triggered", "acknowledged", "resolved"',
		]);
		expect(violationsOf(contract, request({ query: [['sort_by', 'a,b,c']] }))).toEqual([
			'query.sort_by: must have at most 2 values',
		]);
	});

	it('validates JSON bodies against the request schema', () => {
		const post = (body: unknown): string[] =>
			violationsOf(
				contract,
				request({ method: 'POST', path: '/incidents', rawBody: JSON.stringify(body) }),
			);
		expect(
			post({
				incident: {
					type: 'incident',
					title: 'x',
					service: { id: 'PX', type: 'service_reference' },
				},
			}),
		).toEqual([]);
		expect(
			post({ incident: { type: 'incident', title: 'x', service: { type: 'service_reference' } } }),
		).toEqual(['body.incident.service.id: is required']);
		expect(
			post({
				incident: { type: 'incident', title: 42, service: { id: 'PX', type: 'service_reference' } },
			}),
		).toEqual(['body.incident.title: must be string, got integer']);
		expect(
			post({
				incident: { type: 'ticket', title: 'x', service: { id: 'PX', type: 'service' } },
			}).sort(),
		).toEqual([
			'body.incident.service.type: must be one of "service_reference"',
			'body.incident.type: must be one of "incident"',
		]);
		expect(
			violationsOf(contract, request({ method: 'POST', path: '/incidents', rawBody: '{oops' })),
		).toEqual(['body: is not valid JSON']);
	});

	it('accepts both priority forms on incident updates (oneOf)', () => {
		const put = (incident: unknown): string[] =>
			violationsOf(
				contract,
				request({ method: 'PUT', path: '/incidents/PX', rawBody: JSON.stringify({ incident }) }),
			);
		expect(put({ type: 'incident_reference', priority: 'P1' })).toEqual([]);
		expect(
			put({ type: 'incident_reference', priority: { id: 'PP', type: 'priority_reference' } }),
		).toEqual([]);
		expect(put({ type: 'incident_reference', priority: 7 })[0]).toBe(
			'body.incident.priority: does not match any allowed schema',
		);
		expect(put({ type: 'incidents', status: 'closed' })).toEqual([
			'body.incident.type: must be one of "incident", "incident_reference"',
			'body.incident.status: must be one of "resolved", "acknowledged", "triggered"',
		]);
	});

	it('reports fromRequired instead of enforcing From itself', () => {
		const result = validateRequest(
			contract,
			request({
				method: 'POST',
				path: '/incidents/PX/notes',
				rawBody: JSON.stringify({ note: { content: 'hi' } }),
			}),
		);
		expect(result.ok && result.match.fromRequired).toBe(true);
	});
});

describe('validateSchema', () => {
	it('honours additionalProperties false, nullable and array limits', () => {
		expect(
			validateSchema(
				{ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
				{ a: 'x', b: 1 },
				'body',
			),
		).toEqual(['body.b: is not an allowed property']);
		expect(validateSchema({ type: 'string', nullable: true }, null, 'body')).toEqual([]);
		expect(
			validateSchema({ type: 'array', maxItems: 1, items: { type: 'integer' } }, [1, 'a'], 'body'),
		).toEqual(['body: must have at most 1 items', 'body[1]: must be integer, got string']);
	});

	it('checks RFC 3339 date-times, times, URIs and URLs', () => {
		const problems = (format: string, value: string): string[] =>
			validateSchema({ type: 'string', format }, value, 'v');
		for (const ok of [
			'2026-01-15T09:00:00Z',
			'2026-01-15t09:00:00.123z',
			'2024-02-29T23:59:60+05:30',
			'2026-01-15T09:00:00-00:00',
		])
			expect(problems('date-time', ok)).toEqual([]);
		for (const bad of [
			'2026-01-15T09:00:00',
			'2026-01-15 09:00:00Z',
			'2026-01-15T09:00Z',
			'2026-01-15',
			'2025-02-29T09:00:00Z',
			'2026-13-01T09:00:00Z',
			'2026-01-15T24:00:00Z',
			'2026-01-15T09:00:00+0100',
			'2026-01-15T09:00:00+01:60',
		])
			expect(problems('date-time', bad)).toHaveLength(1);
		expect(problems('time', '09:00:00+01:00')).toEqual([]);
		expect(problems('time', '09:00:00')).toHaveLength(1);
		expect(problems('partial-time', '09:00:00')).toEqual([]);
		expect(problems('partial-time', '09:00:00Z')).toHaveLength(1);
		expect(problems('partial-time', '25:00:00')).toHaveLength(1);
		expect(problems('uri', 'mailto:ops@example.com')).toEqual([]);
		expect(problems('uri', '/relative/path')).toHaveLength(1);
		expect(problems('url', 'https://example.com/x?y=1')).toEqual([]);
		for (const bad of [
			'mailto:ops@example.com',
			'file:///etc/passwd',
			'http://',
			'https://a b.com',
		])
			expect(problems('url', bad)).toEqual(['v: must be an absolute http(s) URL']);
	});
});
