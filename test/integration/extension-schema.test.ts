import { jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';
import { extensionSchema, extensionSchemas } from '../../dev/sandbox/rest-extension-schemas';

const pagerDuty = useSandbox();

const schemas = () => extensionSchemas(pagerDuty.sandbox.store);

/** Enough schemas for Return All to cross PagerDuty's 100-record page. */
function addSchemas(count: number) {
	for (let index = 0; index < count; index++)
		schemas().push(
			extensionSchema(
				`PEXT${String(index).padStart(3, '0')}`,
				`Vendor ${index}`,
				`vendor_${index}`,
				['trigger'],
			),
		);
}

describe('Extension Schema → Get Many', () => {
	it('reads every page with Return All', async () => {
		addSchemas(120);
		const result = await pagerDuty.run({
			resource: 'extensionSchema',
			operation: 'getAll',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		const requests = pagerDuty.restRequests();
		expect(requests.map((request) => request.path)).toEqual([
			'/extension_schemas',
			'/extension_schemas',
		]);
		expect(queryOf(requests[0])).toEqual({ limit: '100', offset: '0', total: 'true' });
		expect(queryOf(requests[1])).toMatchObject({ limit: '100', offset: '100' });
		expect(jsonOf(result).map((schema) => schema.id)).toEqual(schemas().map((schema) => schema.id));
	});

	it('stops at the Limit', async () => {
		const result = await pagerDuty.run({
			resource: 'extensionSchema',
			operation: 'getAll',
			limit: 2,
		});
		expect(queryOf(pagerDuty.restRequests()[0]).limit).toBe('2');
		expect(jsonOf(result)).toEqual(schemas().slice(0, 2));
		expect(jsonOf(result)[0]).toMatchObject({
			type: 'extension_schema',
			label: 'Generic V2 Webhook',
			key: 'generic_v2_webhook',
		});
	});
});

describe('Extension Schema → Get', () => {
	it('reads one schema by ID, and maps an unknown one to 404 paired with its item', async () => {
		const slack = schemas().find((schema) => schema.key === 'slack')!;
		const result = await pagerDuty.run(
			{ resource: 'extensionSchema', operation: 'get', extensionSchemaId: '={{ $json.id }}' },
			{ items: [{ id: slack.id }, { id: 'PNOPE42' }, { id: 'no/such' }], continueOnFail: true },
		);
		const [found, missing, invalid] = jsonOf(result);
		expect(found).toEqual(slack);
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'GET',
			path: `/extension_schemas/${slack.id}`,
			status: 200,
		});
		expect(missing.error).toBe('PagerDuty 404: Not Found (code 2100)');
		expect(invalid.error).toMatch(/^"Extension Schema" must be a PagerDuty ID/);
		expect(pairedItemsOf(result)).toEqual([0, 1, 2]);
		expect(pagerDuty.restRequests()).toHaveLength(2);
	});

	it('offers the schemas by label in its dropdown', async () => {
		const options = await pagerDuty.loadOptions('getExtensionSchemas', {
			resource: 'extensionSchema',
			operation: 'get',
		});
		expect(options).toEqual(
			[...schemas()]
				.sort((a, b) => a.label.localeCompare(b.label))
				.map((schema) => ({ name: schema.label, value: schema.id })),
		);
	});
});
