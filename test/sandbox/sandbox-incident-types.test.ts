import { call, Json } from '../../dev/sandbox/helpers';
import { PagerDutySandbox, startSandbox } from '../../dev/sandbox/server';

describe('PagerDuty sandbox incident types', () => {
	let sandbox: PagerDutySandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ seed: { incidents: 1 } });
	});
	afterAll(async () => {
		await sandbox.close();
	});

	const names = async (query: string) =>
		(
			(await call(sandbox.url, 'GET', `/incidents/types${query}`)).body.incident_types as Json[]
		).map((type) => type.name);

	it('filters by enabled (the default), disabled or all, and refuses another filter', async () => {
		expect(await names('')).toEqual(['incident_default', 'security']);
		expect(await names('?filter=disabled')).toEqual(['fraud']);
		expect(await names('?filter=all')).toEqual(['incident_default', 'security', 'fraud']);
		expect((await call(sandbox.url, 'GET', '/incidents/types?filter=some')).status).toBe(400);
	});

	it('reads one type by ID or name, 404 otherwise, without taking the route of GET /incidents/{id}', async () => {
		const byName = await call(sandbox.url, 'GET', '/incidents/types/fraud');
		expect(byName.body.incident_type).toMatchObject({ name: 'fraud', enabled: false });
		const byId = await call(sandbox.url, 'GET', `/incidents/types/${byName.body.incident_type.id}`);
		expect(byId.body).toEqual(byName.body);
		expect((await call(sandbox.url, 'GET', '/incidents/types/nothing')).status).toBe(404);
	});
});
