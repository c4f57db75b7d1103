import { readFileSync } from 'fs';
import { join } from 'path';

import { useSandboxServer } from './use-sandbox';
import { call } from '../../dev/sandbox/helpers';
import { alertGroupingSettings } from '../../dev/sandbox/rest-alert-grouping';

/** Alert grouping settings: the config must fit the type, as PagerDuty checks it. */
describe('PagerDuty sandbox alert grouping settings', () => {
	const server = useSandboxServer({ seed: { incidents: 5 } });

	const create = (setting: Record<string, unknown>) =>
		call(server.sandbox.url, 'POST', '/alert_grouping_settings', {
			body: { alert_grouping_setting: setting },
		});
	const services = (...indexes: number[]) =>
		indexes.map((index) => ({
			id: server.sandbox.store.services[index].id,
			type: 'service_reference',
		}));

	it("the contract takes aggregate 'all' or 'any' (overlay: the spec's enum is the one string \"all, any\")", () => {
		const contract = JSON.parse(
			readFileSync(join(__dirname, '../../dev/contract/rest-v2.contract.json'), 'utf8'),
		) as { operations: Record<string, { requestBody: { schema: unknown } }> };
		const schema = JSON.stringify(
			contract.operations['POST /alert_grouping_settings'].requestBody.schema,
		);
		expect(schema.match(/"aggregate":\{"enum":\["all","any"\]/g)).toHaveLength(2);
		expect(schema).not.toContain('all, any');
	});

	it.each([
		[
			'a config key of another type',
			{ type: 'time', config: { timeout: 60, fields: ['x'] } },
			['config.fields does not apply to time grouping'],
		],
		[
			'an aggregate other than all or any',
			{ type: 'content_based', config: { aggregate: 'all, any', fields: ['summary'] } },
			["config.aggregate must be 'all' or 'any'"],
		],
		[
			'content grouping without fields',
			{ type: 'content_based_intelligent', config: { aggregate: 'all' } },
			['config.fields must list at least one field'],
		],
		[
			'a timeout out of range',
			{ type: 'time', config: { timeout: 59 } },
			['config.timeout must be 0 (until the incident resolves) or 60 to 86400 seconds'],
		],
		['no config', { type: 'time' }, ['config is required']],
	])('refuses %s (400)', async (_label, setting, errors) => {
		const response = await create({ ...setting, services: services(0) });
		expect(response.status).toBe(400);
		expect(response.body.error.errors).toEqual(errors);
	});

	it('takes exactly one service for content-based intelligent grouping, and existing ones only', async () => {
		const config = { aggregate: 'all', fields: ['summary'] };
		const two = await create({
			type: 'content_based_intelligent',
			config,
			services: services(0, 1),
		});
		expect(two.body.error.errors).toEqual([
			'content_based_intelligent grouping applies to exactly one service',
		]);
		const unknown = await create({
			type: 'time',
			config: { timeout: 0 },
			services: [{ id: 'PNOSUCH', type: 'service_reference' }],
		});
		expect(unknown.status).toBe(400);
		const one = await create({
			type: 'content_based_intelligent',
			config: { ...config, time_window: 0 },
			services: services(0),
		});
		expect(one.status).toBe(201);
		expect(one.body.alert_grouping_setting.config).toEqual({
			...config,
			time_window: 0,
			recommended_time_window: 900,
		});
	});

	it('keeps the services a PUT leaves out, and needs a fitting config for a new type', async () => {
		const [setting] = alertGroupingSettings(server.sandbox.store);
		const path = `/alert_grouping_settings/${setting.id}`;
		const retyped = await call(server.sandbox.url, 'PUT', path, {
			body: { alert_grouping_setting: { type: 'time' } },
		});
		expect(retyped.body.error.errors).toEqual(['config is required']);
		const updated = await call(server.sandbox.url, 'PUT', path, {
			body: { alert_grouping_setting: { type: 'time', config: { timeout: 0 } } },
		});
		expect(updated.status).toBe(200);
		expect(updated.body.alert_grouping_setting.services).toEqual(setting.services);
	});

	it('pages 32 seeded settings by after and before, and filters by service', async () => {
		const first = await call(
			server.sandbox.url,
			'GET',
			'/alert_grouping_settings?limit=20&total=true',
		);
		expect(first.body).toMatchObject({ total: 32, before: null, limit: 20 });
		const second = await call(
			server.sandbox.url,
			'GET',
			`/alert_grouping_settings?limit=20&after=${first.body.after}`,
		);
		expect(second.body.alert_grouping_settings).toHaveLength(12);
		expect(second.body.after).toBeNull();
		const web = server.sandbox.store.services[0].id;
		const filtered = await call(
			server.sandbox.url,
			'GET',
			`/alert_grouping_settings?limit=100&service_ids[]=${web}`,
		);
		for (const setting of filtered.body.alert_grouping_settings)
			expect(setting.services.map((service: { id: string }) => service.id)).toContain(web);
	});
});
