import { jsonOf, queryOf, useSandbox } from './pagerduty';
import { incidentTypes } from '../../dev/sandbox/rest-incident-types';

const pagerDuty = useSandbox();

const types = () => incidentTypes(pagerDuty.sandbox.store);

describe('Incident Type → Get Many', () => {
	it("lists the enabled types by default, with PagerDuty's filter sent as chosen", async () => {
		const enabled = await pagerDuty.run({
			resource: 'incidentType',
			operation: 'getAll',
			returnAll: true,
		});
		expect(enabled.error).toBeUndefined();
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({ filter: 'enabled' });
		expect(jsonOf(enabled).map((type) => type.name)).toEqual(['incident_default', 'security']);

		const disabled = await pagerDuty.run({
			resource: 'incidentType',
			operation: 'getAll',
			returnAll: true,
			options: { filter: 'disabled' },
		});
		expect(queryOf(pagerDuty.restRequests()[1])).toEqual({ filter: 'disabled' });
		expect(jsonOf(disabled)).toEqual([expect.objectContaining({ name: 'fraud', enabled: false })]);
	});

	it('cuts the unpaged list to the Limit', async () => {
		const result = await pagerDuty.run({
			resource: 'incidentType',
			operation: 'getAll',
			limit: 2,
			options: { filter: 'all' },
		});
		expect(jsonOf(result)).toEqual(types().slice(0, 2));
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});
});

describe('Incident Type → Get', () => {
	it('reads a type by name or by ID', async () => {
		const security = types()[1];
		const byName = await pagerDuty.run({
			resource: 'incidentType',
			operation: 'get',
			incidentType: 'security',
		});
		expect(pagerDuty.restRequests()[0].path).toBe('/incidents/types/security');
		expect(jsonOf(byName)).toEqual([security]);
		expect(jsonOf(byName)[0].parent).toEqual({
			id: types()[0].id,
			type: 'incident_type_reference',
		});

		const byId = await pagerDuty.run({
			resource: 'incidentType',
			operation: 'get',
			incidentType: security.id,
		});
		expect(jsonOf(byId)).toEqual([security]);
	});

	it('refuses a value that is not a name or ID before sending, and maps an unknown type to 404', async () => {
		const result = await pagerDuty.run(
			{ resource: 'incidentType', operation: 'get', incidentType: '={{ $json.type }}' },
			{ items: [{ type: '../abilities' }, { type: 'no_such_type' }], continueOnFail: true },
		);
		expect(jsonOf(result).map((item) => item.error)).toEqual([
			'"Incident Type Name or ID" must be an incident type name such as incident_default, or its ID (letters, digits, _ and -) [item 0]',
			'PagerDuty 404: Not Found (code 2100)',
		]);
		expect(pagerDuty.restRequests().map((request) => request.path)).toEqual([
			'/incidents/types/no_such_type',
		]);
	});

	it('offers every type in the dropdown, by display name, disabled ones marked', async () => {
		const options = await pagerDuty.loadOptions('getIncidentTypes', {
			resource: 'incidentType',
			operation: 'get',
		});
		expect(options.map(({ name, value }) => ({ name, value }))).toEqual([
			{ name: 'Base Incident', value: 'incident_default' },
			{ name: 'Fraud (disabled)', value: 'fraud' },
			{ name: 'Security Incident', value: 'security' },
		]);
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({ filter: 'all' });
	});
});
