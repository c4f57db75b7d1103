import { call } from '../../dev/sandbox/helpers';
import { PagerDutySandbox, startSandbox } from '../../dev/sandbox/server';

describe('sandbox: extension schemas', () => {
	let sandbox: PagerDutySandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => {
		await sandbox.close();
	});

	it('lists the seeded vendor types with classic paging, serves each by ID and 404 otherwise', async () => {
		const list = await call(sandbox.url, 'GET', '/extension_schemas?limit=2&total=true');
		expect(list.body).toMatchObject({ limit: 2, offset: 0, more: true, total: 4 });
		expect(list.body.extension_schemas.map((schema: { key: string }) => schema.key)).toEqual([
			'generic_v2_webhook',
			'generic_webhook',
		]);
		const [first] = list.body.extension_schemas;
		const one = await call(sandbox.url, 'GET', `/extension_schemas/${first.id}`);
		expect(one.body.extension_schema).toEqual(first);
		expect((await call(sandbox.url, 'GET', '/extension_schemas/PNOPE42')).status).toBe(404);
	});
});
