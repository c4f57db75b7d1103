import type { INodeParameters } from 'n8n-workflow';

import { credentialTypes, jsonOf, useSandbox } from './pagerduty';
import { callLoadOptions } from '../../dev/harness/engine';
import { PagerDuty } from '../../nodes/PagerDuty/PagerDuty.node';

const pagerDuty = useSandbox({ seed: { incidents: 300 } });

async function listSearch(method: string, filter?: string, paginationToken?: string) {
	return await callLoadOptions({
		nodeType: new PagerDuty(),
		parameters: { authentication: 'apiToken', resource: 'incident', operation: 'get' },
		credentials: pagerDuty.credentialsFor('apiToken'),
		credentialTypes,
		method,
		kind: 'listSearch',
		args: [filter, paginationToken],
	});
}

describe('resource locator values', () => {
	const getIncident = (incidentId: unknown) =>
		pagerDuty.run({ resource: 'incident', operation: 'get', incidentId } as never, {
			continueOnFail: true,
		});

	it('reads the ID from each mode, and from a plain string saved by the built-in node', async () => {
		const incident = pagerDuty.sandbox.store.incidents[0];
		const values = [
			incident.id,
			{ __rl: true, mode: 'id', value: incident.id },
			{ __rl: true, mode: 'list', value: incident.id, cachedResultName: 'x' },
			{ __rl: true, mode: 'url', value: `https://acme.pagerduty.com/incidents/${incident.id}` },
			{ __rl: true, mode: 'url', value: `https://acme.eu.pagerduty.com/incidents/${incident.id}` },
		];
		for (const value of values) {
			const result = await getIncident(value);
			expect(jsonOf(result)).toEqual([expect.objectContaining({ id: incident.id })]);
		}
	});

	it("n8n refuses a foreign URL in URL mode before running, with the mode's message", async () => {
		await expect(
			getIncident({ __rl: true, mode: 'url', value: 'https://example.com/incidents/Q1' }),
		).rejects.toThrow(
			/Not a PagerDuty incident URL \(e\.g\. https:\/\/acme\.pagerduty\.com\/incidents\//,
		);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	it('refuses a foreign URL given as a plain value (e.g. by an expression), naming parameter and item', async () => {
		const result = await getIncident('https://acme.pagerduty.com/services/PWIXJZS');
		expect(jsonOf(result)[0].error).toBe(
			'"Incident" must be a PagerDuty incident URL such as https://acme.pagerduty.com/incidents/Q2T4ZLRMNV8ICM, or the same on <subdomain>.eu.pagerduty.com [item 0]',
		);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});

describe('listSearch', () => {
	it("searches services with PagerDuty's query filter", async () => {
		const service = pagerDuty.sandbox.store.services[1];
		const result = await listSearch('searchServices', service.name.slice(0, 6));
		expect(result.results).toContainEqual({
			name: service.name,
			value: service.id,
			url: service.html_url,
		});
		const [request] = pagerDuty.restRequests();
		expect(request.query).toContainEqual(['query', service.name.slice(0, 6)]);
	});

	it('pages open incidents with a text pagination token', async () => {
		const first = await listSearch('searchIncidents');
		expect(first.results).toHaveLength(25);
		expect(first.paginationToken).toBe('25');
		const second = await listSearch('searchIncidents', undefined, first.paginationToken);
		const ids = new Set([...first.results, ...second.results].map((result) => result.value));
		expect(ids.size).toBe(first.results.length + second.results.length);
		expect(
			pagerDuty
				.restRequests()
				.map((request) => request.query.find(([name]) => name === 'offset')?.[1]),
		).toEqual(['0', '25']);
	});

	it.each(['searchEscalationPolicies', 'searchUsers', 'searchTeams', 'searchPriorities'])(
		"%s lists the account's objects",
		async (method) => {
			const result = await listSearch(method);
			expect(result.results.length).toBeGreaterThan(0);
			expect(result.results.every((entry) => /^[A-Z0-9]+$/.test(String(entry.value)))).toBe(true);
		},
	);
});

describe('loadOptions', () => {
	it('getServices lists every service of the account', async () => {
		const options = await pagerDuty.loadOptions('getServices');
		expect(options.map((option) => option.value).sort()).toEqual(
			pagerDuty.sandbox.store.services.map((entity) => entity.id).sort(),
		);
	});

	it('getTimezones lists IANA zones without a network call', async () => {
		const options = await pagerDuty.loadOptions('getTimezones');
		expect(options).toContainEqual({ name: 'Europe/Berlin', value: 'Europe/Berlin' });
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});

describe('locators inside Additional Fields', () => {
	it('take a list pick, a URL or a plain ID string for escalation policy and priority', async () => {
		const [policy] = pagerDuty.sandbox.store.escalationPolicies;
		const [priority] = pagerDuty.sandbox.store.priorities;
		const service = pagerDuty.sandbox.store.services[0];
		const create = (additionalFields: INodeParameters) =>
			pagerDuty.run({
				resource: 'incident',
				operation: 'create',
				title: 'Disk full',
				serviceId: service.id,
				email: 'jane.doe@example.com',
				additionalFields,
			});
		for (const additionalFields of [
			{
				escalationPolicyId: { __rl: true, mode: 'list', value: policy.id },
				priorityId: { __rl: true, mode: 'id', value: priority.id },
			},
			{
				escalationPolicyId: {
					__rl: true,
					mode: 'url',
					value: `https://acme.pagerduty.com/escalation_policies#${policy.id}`,
				},
				priorityId: priority.id,
			},
		]) {
			const result = await create(additionalFields);
			expect(result.error).toBeUndefined();
			expect(jsonOf(result)[0]).toMatchObject({
				escalation_policy: { id: policy.id },
				priority: { id: priority.id },
			});
		}
	});
});
