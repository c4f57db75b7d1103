import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { credentialTypes, jsonOf, useSandbox } from './pagerduty';
import { callLoadOptions } from '../../dev/harness/engine';
import { contactMethods } from '../../dev/sandbox/rest-users';
import { PagerDuty } from '../../nodes/PagerDuty/PagerDuty.node';
import type { LocatorKindDefinition } from '../../nodes/shared/locators';
import { chosenId, searchMethodOf } from '../../nodes/shared/locators';

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

	it.each([
		['getEscalationPolicies', 'escalationPolicies'],
		['getSchedules', 'schedules'],
		['getTeams', 'teams'],
		['getUsers', 'users'],
	] as const)(
		'%s lists every one of the account, for the Names or IDs multi-selects',
		async (method, records) => {
			const options = await pagerDuty.loadOptions(method);
			const store = pagerDuty.sandbox.store[records] as Array<{ id: string; name: string }>;
			expect(options.map((option) => option.value).sort()).toEqual(
				store.map((entity) => entity.id).sort(),
			);
			expect(options.map((option) => option.name)).toContain(store[0].name);
		},
	);

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

describe('dependent list search (a list of what another parameter chose)', () => {
	// Kinds outside the table: what the dependent kinds of issue 12 will be like.
	const contactMethodsOfUser: LocatorKindDefinition = {
		noun: 'contact method',
		article: 'a',
		searchMethod: 'searchContactMethodsOfUser',
		list: {
			path: (context): string => `/users/${chosenId(context, 'user', 'userId')}/contact_methods`,
			property: 'contact_methods',
			serverQuery: false,
			paging: 'none',
			name: (method) => String(method.label),
		},
		idExample: 'PXPGF42',
	};
	const servicesOfTeam: LocatorKindDefinition = {
		noun: 'service',
		article: 'a',
		searchMethod: 'searchServicesOfTeam',
		list: {
			path: '/services',
			qs: (context): IDataObject => ({ team_ids: [chosenId(context, 'team', 'teamId')] }),
			property: 'services',
			serverQuery: true,
		},
		idExample: 'PWIXJZS',
	};

	async function search(definition: LocatorKindDefinition, parameters: INodeParameters) {
		const nodeType = new PagerDuty();
		nodeType.methods = {
			...nodeType.methods,
			listSearch: {
				...nodeType.methods.listSearch,
				[definition.searchMethod]: searchMethodOf(definition),
			},
		};
		return await callLoadOptions({
			nodeType,
			parameters: { authentication: 'apiToken', ...parameters },
			credentials: pagerDuty.credentialsFor('apiToken'),
			credentialTypes,
			method: definition.searchMethod,
			kind: 'listSearch',
			args: [],
		});
	}

	it("builds the path from the object chosen in the editor, in any of the locator's modes", async () => {
		const user = pagerDuty.sandbox.store.users[1];
		const methods = contactMethods(pagerDuty.sandbox.store).filter((method) =>
			user.contact_methods.some(({ id }) => id === method.id),
		);
		expect(methods.length).toBeGreaterThan(0);
		for (const userId of [
			{ __rl: true, mode: 'list', value: user.id },
			{ __rl: true, mode: 'url', value: `https://acme.eu.pagerduty.com/users/${user.id}` },
			user.id,
		]) {
			const page = await search(contactMethodsOfUser, {
				resource: 'user',
				operation: 'getAllContactMethods',
				userId,
			});
			expect(page.results).toEqual(
				methods.map((method) => ({ name: method.label, value: method.id })),
			);
			expect(page.paginationToken).toBeUndefined();
		}
		expect(pagerDuty.restRequests().map((request) => request.path)).toEqual(
			Array(3).fill(`/users/${user.id}/contact_methods`),
		);
	});

	it('builds the query from the chosen object (services of the chosen team)', async () => {
		const team = pagerDuty.sandbox.store.teams[0];
		const page = await search(servicesOfTeam, {
			resource: 'team',
			operation: 'get',
			teamId: { __rl: true, mode: 'id', value: team.id },
		});
		const ofTeam = pagerDuty.sandbox.store.services.filter((service) =>
			service.teams.some(({ id }) => id === team.id),
		);
		expect(page.results.map((result) => result.value).sort()).toEqual(
			ofTeam.map((service) => service.id).sort(),
		);
		expect(pagerDuty.restRequests()[0].query).toContainEqual(['team_ids[]', team.id]);
	});

	it('asks for the other parameter first when it is empty, and refuses a value that is no ID', async () => {
		await expect(
			search(contactMethodsOfUser, {
				resource: 'user',
				operation: 'getAllContactMethods',
				userId: { __rl: true, mode: 'list', value: '' },
			}),
		).rejects.toThrow('Choose the user first: this list depends on it');
		await expect(
			search(contactMethodsOfUser, {
				resource: 'user',
				operation: 'getAllContactMethods',
				userId: { __rl: true, mode: 'id', value: '../teams' },
			}),
		).rejects.toThrow('"user" must be a PagerDuty ID such as PABC123 (letters and digits only)');
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});
