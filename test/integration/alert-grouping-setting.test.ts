import { byId, jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';
import { alertGroupingSettings } from '../../dev/sandbox/rest-alert-grouping';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const seeded = () => alertGroupingSettings(store());
const run = (parameters: Record<string, unknown>, options = {}) =>
	pagerDuty.run({ resource: 'alertGroupingSetting', ...parameters } as never, options);
const serviceIds = (...indexes: number[]) => indexes.map((index) => store().services[index].id);

describe('Alert Grouping Setting → Create', () => {
	it('groups by content: the config from the fields shown for the type, the services as references', async () => {
		const [first, second] = serviceIds(0, 1);
		const result = await run({
			operation: 'create',
			type: 'content_based',
			serviceIds: ` ${first}, ${second} `,
			aggregate: 'any',
			fields: 'source, custom_details.host,',
			timeWindow: 86400,
			additionalFields: { name: 'Hosts', description: '' },
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'POST',
			path: '/alert_grouping_settings',
			status: 201,
		});
		expect(request.body).toEqual({
			alert_grouping_setting: {
				type: 'content_based',
				config: { aggregate: 'any', fields: ['source', 'custom_details.host'], time_window: 86400 },
				services: [
					{ id: first, type: 'service_reference' },
					{ id: second, type: 'service_reference' },
				],
				name: 'Hosts',
			},
		});
		expect(jsonOf(result)[0]).toMatchObject({
			id: expect.stringMatching(/^P[A-Z0-9]{6}$/),
			type: 'content_based',
			name: 'Hosts',
			services: [{ id: first }, { id: second }],
		});
	});

	it.each([
		['time', { timeout: 0 }, { timeout: 0 }],
		[
			'intelligent',
			{ timeWindow: 0, iagFields: 'summary' },
			{ time_window: 0, iag_fields: ['summary'] },
		],
		[
			'content_based_intelligent',
			{ aggregate: 'all', fields: 'summary', timeWindow: 3600 },
			{ aggregate: 'all', fields: ['summary'], time_window: 3600 },
		],
	])('creates a %s setting with its own config', async (type, values, config) => {
		const result = await run({
			operation: 'create',
			type,
			serviceIds: serviceIds(2).join(','),
			...values,
		});
		expect(result.error).toBeUndefined();
		expect(
			(pagerDuty.restRequests()[0].body as Record<string, Record<string, unknown>>)
				.alert_grouping_setting.config,
		).toEqual(config);
		expect(jsonOf(result)[0]).toMatchObject({ type, name: null });
	});

	it.each([
		[
			'a time window PagerDuty does not take',
			{ type: 'intelligent', timeWindow: 4000 },
			'"Time Window (Seconds)" must be 0 (recommended) or 300 to 3600 seconds [item 0]',
		],
		[
			'a timeout below a minute',
			{ type: 'time', timeout: 30 },
			'"Timeout (Seconds)" must be 0 (until the incident resolves) or 60 to 86400 seconds [item 0]',
		],
		[
			'content grouping without fields',
			{ type: 'content_based', fields: ' , ' },
			'"Fields" must name at least one field [item 0]',
		],
		[
			'two services for content-based intelligent grouping',
			{ type: 'content_based_intelligent', fields: 'summary', serviceIds: 'PAAAAAA,PBBBBBB' },
			'"Service IDs" must name exactly one service for Content Based Intelligent grouping [item 0]',
		],
		[
			'no service',
			{ type: 'time', serviceIds: ' ' },
			'"Service IDs" must name at least one service [item 0]',
		],
		[
			'a malformed service ID',
			{ type: 'time', serviceIds: 'P1,P-2' },
			'"Service IDs" must be a PagerDuty ID such as PABC123 (letters and digits only) [item 0]',
		],
	])('refuses %s before sending', async (_label, parameters, message) => {
		const result = await run({ operation: 'create', serviceIds: 'PAAAAAA', ...parameters });
		expect(result.error?.message).toBe(message);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	it("shows PagerDuty's 400 for a service that does not exist", async () => {
		const result = await run({ operation: 'create', type: 'time', serviceIds: 'PNOSUCH' });
		expect(result.error?.message).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(result.error?.description).toMatch(/Service PNOSUCH not found/);
	});
});

describe('Alert Grouping Setting → Get Many', () => {
	it('reads every page by the after cursor', async () => {
		for (let index = 0; index < 90; index++)
			seeded().push({ ...seeded()[0], id: `PAG${String(index).padStart(4, '0')}` });
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((setting) => setting.id)).toEqual(seeded().map(({ id }) => id));
		const queries = pagerDuty.restRequests().map(queryOf);
		expect(queries).toEqual([{ limit: '100' }, { limit: '100', after: expect.any(String) }]);
		expect(jsonOf(result)[0].config).toMatchObject({ recommended_time_window: 900 });
	});

	it("stops at the Limit, and filters by the services' IDs", async () => {
		const limited = await run({ operation: 'getAll', limit: 5 });
		expect(jsonOf(limited).map((setting) => setting.id)).toEqual(
			seeded()
				.slice(0, 5)
				.map(({ id }) => id),
		);
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({ limit: '5' });
		const [web] = serviceIds(0);
		const filtered = await run({
			operation: 'getAll',
			returnAll: true,
			options: { serviceIds: web },
		});
		expect(queryOf(pagerDuty.restRequests()[1])).toEqual({ limit: '100', 'service_ids[]': web });
		const expected = seeded().filter((setting) =>
			setting.services.some((service) => service.id === web),
		);
		expect(jsonOf(filtered).map((setting) => setting.id)).toEqual(expected.map(({ id }) => id));
	});
});

describe('Alert Grouping Setting → Get, Delete', () => {
	it('reads a setting and maps a 404 to an error item', async () => {
		const [setting] = seeded();
		const result = await run(
			{ operation: 'get', alertGroupingSettingId: '={{ $json.id }}' },
			{ items: [{ id: setting.id }, { id: 'PNOSUCH' }], continueOnFail: true },
		);
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ id: setting.id, type: 'content_based' }),
			expect.objectContaining({ error: 'PagerDuty 404: Not Found (code 2100)' }),
		]);
		expect(pairedItemsOf(result)).toEqual([0, 1]);
	});

	it('deletes a setting and returns { deleted, id }', async () => {
		const [, setting] = seeded();
		const result = await run({ operation: 'delete', alertGroupingSettingId: byId(setting.id) });
		expect(pagerDuty.restRequests()[0]).toMatchObject({ method: 'DELETE', status: 204 });
		expect(jsonOf(result)).toEqual([{ deleted: true, id: setting.id }]);
		expect(seeded().map(({ id }) => id)).not.toContain(setting.id);
	});
});

describe('Alert Grouping Setting → Update', () => {
	it('keeps the type, the rest of the config and the services; sends the changes', async () => {
		const [setting] = seeded();
		const result = await run({
			operation: 'update',
			alertGroupingSettingId: byId(setting.id),
			updateFields: { timeWindow: 600, name: 'Renamed' },
		});
		expect(result.error).toBeUndefined();
		const [read, write] = pagerDuty.restRequests();
		expect(`${read.method} ${read.path}`).toBe(`GET /alert_grouping_settings/${setting.id}`);
		expect(write.body).toEqual({
			alert_grouping_setting: {
				type: 'content_based',
				config: { aggregate: 'all', fields: ['source', 'component'], time_window: 600 },
				name: 'Renamed',
				description: null,
			},
		});
		expect(jsonOf(result)[0]).toMatchObject({
			name: 'Renamed',
			services: setting.services.map(({ id }) => ({ id })),
		});
	});

	it('changes the type with a fresh config, and the services when given', async () => {
		const [setting] = seeded();
		const [checkout] = serviceIds(1);
		const result = await run({
			operation: 'update',
			alertGroupingSettingId: byId(setting.id),
			updateFields: { type: 'time', timeout: 120, serviceIds: checkout },
		});
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[1].body).toEqual({
			alert_grouping_setting: {
				type: 'time',
				config: { timeout: 120 },
				services: [{ id: checkout, type: 'service_reference' }],
				name: setting.name,
				description: null,
			},
		});
		expect(seeded()[0]).toMatchObject({
			type: 'time',
			config: { timeout: 120 },
			services: [{ id: checkout }],
		});
	});

	it('refuses settings of another type, and a content type without fields, before writing', async () => {
		const [setting] = seeded();
		const foreign = await run({
			operation: 'update',
			alertGroupingSettingId: byId(setting.id),
			updateFields: { timeout: 60 },
		});
		expect(foreign.error?.message).toBe(
			'"Timeout (Seconds)" does not apply to Content Based grouping [item 0]',
		);
		const time = seeded().find((candidate) => candidate.type === 'time')!;
		const noFields = await run({
			operation: 'update',
			alertGroupingSettingId: byId(time.id),
			updateFields: { type: 'content_based' },
		});
		expect(noFields.error?.message).toBe(
			'"Fields" is required for Content Based grouping [item 0]',
		);
		expect(pagerDuty.restRequests().map((request) => request.method)).toEqual(['GET', 'GET']);
	});

	it('refuses an empty update before sending', async () => {
		const result = await run({
			operation: 'update',
			alertGroupingSettingId: byId(seeded()[0].id),
			updateFields: {},
		});
		expect(result.error?.message).toBe('Add at least one field under "Update Fields" [item 0]');
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});
});

describe('Alert Grouping Setting locator', () => {
	it('pages by the after cursor, naming unnamed settings by type and ID', async () => {
		const first = await pagerDuty.listSearch('searchAlertGroupingSettings');
		expect(first.results).toHaveLength(25);
		expect(first.results[2]).toEqual({
			name: `intelligent ${seeded()[2].id}`,
			value: seeded()[2].id,
		});
		expect(first.paginationToken).toEqual(expect.any(String));
		const second = await pagerDuty.listSearch('searchAlertGroupingSettings', {
			paginationToken: first.paginationToken,
		});
		expect(second.results.map((result) => result.value)).toEqual(
			seeded()
				.slice(25)
				.map(({ id }) => id),
		);
		expect(second.paginationToken).toBeUndefined();
		expect(queryOf(pagerDuty.restRequests()[1])).toEqual({
			limit: '25',
			after: first.paginationToken,
		});
	});
});
