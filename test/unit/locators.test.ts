import type { INode, INodePropertyMode } from 'n8n-workflow';

import { fakeListServer, things } from './fake-list-server';
import { paginateAfter, paginateCursor } from '../../dev/sandbox/rest-common';
import type { LocatorKindDefinition } from '../../nodes/shared/locators';
import { idFromUrl, locator, locatorOf, searchMethodOf } from '../../nodes/shared/locators';
import { UUID_ID_FORMAT } from '../../nodes/shared/validation';

describe('idFromUrl', () => {
	it.each([
		['incident', 'https://acme.pagerduty.com/incidents/Q2T4ZLRMNV8ICM', 'Q2T4ZLRMNV8ICM'],
		[
			'incident',
			'https://acme.eu.pagerduty.com/incidents/Q2T4ZLRMNV8ICM?tab=timeline',
			'Q2T4ZLRMNV8ICM',
		],
		['service', 'https://acme.eu.pagerduty.com/service-directory/PWIXJZS', 'PWIXJZS'],
		['service', 'https://acme.pagerduty.com/services/PWIXJZS/integrations', 'PWIXJZS'],
		['escalationPolicy', 'https://acme.pagerduty.com/escalation_policies#PT20YPA', 'PT20YPA'],
		['schedule', 'https://my-org.pagerduty.com/schedules/PI7DH85', 'PI7DH85'],
		['user', 'https://acme.pagerduty.com/users/PXPGF42', 'PXPGF42'],
		['team', 'https://acme.eu.pagerduty.com/teams/PQ9K7I8', 'PQ9K7I8'],
	] as const)('reads the %s ID from %s', (kind, url, id) => {
		expect(idFromUrl(kind, url)).toBe(id);
	});

	it.each([
		['incident', 'https://acme.pagerduty.com.evil.example/incidents/Q1'],
		['incident', 'https://example.com/incidents/Q1'],
		['incident', 'http://acme.pagerduty.com/incidents/Q1'],
		['incident', 'https://acme.pagerduty.com/services/PWIXJZS'],
		['service', 'https://acme.pagerduty.com/incidents/Q2T4ZLRMNV8ICM'],
		['priority', 'https://acme.pagerduty.com/priorities/P1'],
	] as const)('refuses a %s URL that is not one: %s', (kind, url) => {
		expect(idFromUrl(kind, url)).toBeUndefined();
	});
});

describe('the From List placeholder', () => {
	it.each([
		['incident', 'Select an incident...'],
		['escalationPolicy', 'Select an escalation policy...'],
		['user', 'Select a user...'],
		['service', 'Select a service...'],
	] as const)('names the %s with its article', (kind, placeholder) => {
		const { field } = locator(kind, { displayName: 'Thing', name: 'thing', description: '' });
		expect(field.modes?.find((mode) => mode.name === 'list')?.placeholder).toBe(placeholder);
	});
});

// Kinds outside the table, to prove what the table's future kinds will use.
const orchestrations: LocatorKindDefinition = {
	noun: 'event orchestration',
	article: 'an',
	searchMethod: 'searchThings',
	list: { path: '/things', property: 'things', serverQuery: false },
	idExample: 'b02e973d-9620-4e0a-9edc-00fedf7d4694',
	idFormat: UUID_ID_FORMAT,
};

describe('a kind with its own ID format', () => {
	const uuidLocator = locatorOf(orchestrations, {
		displayName: 'Event Orchestration',
		name: 'orchestrationId',
		description: '',
	});
	const source = { getNode: () => ({ name: 'PagerDuty' }) as INode, getNodeParameter: () => '' };
	const idMode = (modes: INodePropertyMode[] | undefined) =>
		modes?.find((mode) => mode.name === 'id')?.validation?.[0] as
			| { properties: { regex: string; errorMessage: string } }
			| undefined;

	it('checks "By ID" in the editor with its pattern and says what the ID looks like', () => {
		const rule = idMode(uuidLocator.field.modes)?.properties;
		expect(rule?.errorMessage).toBe('Not a UUID such as b02e973d-9620-4e0a-9edc-00fedf7d4694');
		const pattern = new RegExp(rule?.regex ?? '');
		expect(pattern.test('b02e973d-9620-4e0a-9edc-00fedf7d4694')).toBe(true);
		expect(pattern.test('PABC123')).toBe(false);
		// The table's kinds keep letters and digits.
		const service = locator('service', { displayName: 'Service', name: 's', description: '' });
		expect(new RegExp(idMode(service.field.modes)?.properties.regex ?? '').test('PABC123')).toBe(
			true,
		);
	});

	it('reads its IDs and refuses others, naming the parameter and the format', () => {
		expect(
			uuidLocator.readValue(
				source,
				{ mode: 'id', value: ' b02e973d-9620-4e0a-9edc-00fedf7d4694 ' },
				0,
			),
		).toBe('b02e973d-9620-4e0a-9edc-00fedf7d4694');
		expect(() => uuidLocator.readValue(source, 'PABC123', 2)).toThrow(
			'"Event Orchestration" must be a UUID such as b02e973d-9620-4e0a-9edc-00fedf7d4694 [item 2]',
		);
		expect(() => uuidLocator.readValue(source, '../../users', 0)).toThrow(/must be a UUID/);
	});
});

describe('list search by cursor', () => {
	const automationActions: LocatorKindDefinition = {
		noun: 'automation action',
		article: 'an',
		searchMethod: 'searchThings',
		list: {
			path: '/things',
			property: 'things',
			serverQuery: true,
			queryParam: 'name',
			paging: 'cursor',
		},
		idExample: '01DA2MLYN0J5EFC1LKWXUKDDKT',
	};

	it("filters with the kind's query parameter and hands the cursor back as the pagination token", async () => {
		const { context, sent } = fakeListServer((request) =>
			paginateCursor(request, things(60), 'things'),
		);
		const search = searchMethodOf(automationActions);
		const first = await search.call(context, ' disk ');
		expect(sent[0].query).toEqual({ limit: '25', name: 'disk' });
		expect(first.results.map((result) => result.value)).toEqual(
			things(25).map((thing) => thing.id),
		);
		const second = await search.call(context, 'disk', first.paginationToken);
		expect(sent[1].query).toEqual({ limit: '25', name: 'disk', cursor: first.paginationToken });
		const third = await search.call(context, 'disk', second.paginationToken);
		expect([...first.results, ...second.results, ...third.results]).toHaveLength(60);
		expect(third.paginationToken).toBeUndefined();
	});

	it('ends the list when PagerDuty names the same page again', async () => {
		const { context } = fakeListServer(() => ({
			status: 200,
			body: { things: things(2), next_cursor: 'A' },
		}));
		const page = await searchMethodOf(automationActions).call(context, undefined, 'A');
		expect(page.paginationToken).toBeUndefined();
	});

	it('pages an after list with after, and filters here when PagerDuty cannot', async () => {
		const alertGrouping: LocatorKindDefinition = {
			...automationActions,
			list: { path: '/things', property: 'things', serverQuery: false, paging: 'after' },
		};
		const { context, sent } = fakeListServer((request) =>
			paginateAfter(request, things(30), 'things'),
		);
		const search = searchMethodOf(alertGrouping);
		const first = await search.call(context, 'thing 2');
		expect(first.results.map((result) => result.name)).toEqual([
			'Thing 2',
			'Thing 20',
			'Thing 21',
			'Thing 22',
			'Thing 23',
			'Thing 24',
		]);
		const second = await search.call(context, 'thing 2', first.paginationToken);
		expect(sent.map(({ query }) => Object.keys(query).sort())).toEqual([
			['limit'],
			['after', 'limit'],
		]);
		expect(second.results.map((result) => result.name)).toEqual([
			'Thing 25',
			'Thing 26',
			'Thing 27',
			'Thing 28',
			'Thing 29',
		]);
		expect(second.paginationToken).toBeUndefined();
	});

	it('reads a list that comes whole in one answer, from a nested property', async () => {
		const integrations: LocatorKindDefinition = {
			...automationActions,
			list: {
				path: '/things/P1',
				property: 'thing.integrations',
				serverQuery: false,
				paging: 'none',
			},
		};
		const { context, sent } = fakeListServer(() => ({
			status: 200,
			body: { thing: { integrations: things(3) } },
		}));
		const page = await searchMethodOf(integrations).call(context);
		expect(page.results.map((result) => result.value)).toEqual(['T0', 'T1', 'T2']);
		expect(page.paginationToken).toBeUndefined();
		expect(sent[0].query).toEqual({});
	});
});
