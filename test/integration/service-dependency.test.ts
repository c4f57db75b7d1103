import { byId, jsonOf, pairedItemsOf, useSandbox } from './pagerduty';
import { businessServices, serviceDependencies } from '../../dev/sandbox/rest-business-services';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const run = (parameters: Record<string, unknown>, options = {}) =>
	pagerDuty.run({ resource: 'serviceDependency', ...parameters } as never, options);

const serviceNamed = (name: string) => store().services.find((service) => service.name === name)!;
const checkout = () => businessServices(store())[0];

describe('Service Dependency → Get Many for a Service', () => {
	it("lists a technical service's dependencies, one item each", async () => {
		const service = serviceNamed('Checkout API');
		const result = await run({
			operation: 'getAllForService',
			serviceId: byId(service.id),
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0].path).toBe(
			`/service_dependencies/technical_services/${service.id}`,
		);
		expect(jsonOf(result)).toEqual([
			{
				id: expect.stringMatching(/^D[A-Z0-9]{15}$/),
				type: 'service_dependency',
				supporting_service: { id: service.id, type: 'technical_service_reference' },
				dependent_service: { id: checkout().id, type: 'business_service_reference' },
			},
		]);
	});

	it('returns none for a service without dependencies, and a 404 for an unknown one', async () => {
		const result = await run(
			{ operation: 'getAllForService', serviceId: '={{ $json.id }}', returnAll: true },
			{
				items: [{ id: serviceNamed('Customer Email').id }, { id: 'PNOSUCH' }],
				continueOnFail: true,
			},
		);
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ error: 'PagerDuty 404: Not Found (code 2100)' }),
		]);
		expect(pairedItemsOf(result)).toEqual([1]);
	});
});

describe('Service Dependency → Get Many for a Business Service', () => {
	it("lists a business service's dependencies and stops at the Limit", async () => {
		const all = await run({
			operation: 'getAllForBusinessService',
			businessServiceId: byId(checkout().id),
			returnAll: true,
		});
		expect(jsonOf(all).map((dependency) => dependency.supporting_service)).toEqual([
			{ id: serviceNamed('Checkout API').id, type: 'technical_service_reference' },
			{ id: serviceNamed('Payments Gateway').id, type: 'technical_service_reference' },
		]);
		const limited = await run({
			operation: 'getAllForBusinessService',
			businessServiceId: byId(checkout().id),
			limit: 1,
		});
		expect(jsonOf(limited)).toEqual([jsonOf(all)[0]]);
		expect(pagerDuty.restRequests()[1].path).toBe(
			`/service_dependencies/business_services/${checkout().id}`,
		);
	});
});

describe('Service Dependency → Create', () => {
	it("associates a business service with the one it relies on, with PagerDuty's request types", async () => {
		const storefront = businessServices(store())[2];
		const web = serviceNamed('Web Frontend');
		const result = await run({
			operation: 'create',
			supportingServiceType: 'service',
			supportingServiceId: { __rl: true, mode: 'url', value: web.html_url },
			dependentServiceType: 'business_service',
			dependentBusinessServiceId: byId(storefront.id),
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({ path: '/service_dependencies/associate', status: 200 });
		expect(request.body).toEqual({
			relationships: [
				{
					supporting_service: { id: web.id, type: 'service' },
					dependent_service: { id: storefront.id, type: 'business_service' },
				},
			],
		});
		expect(jsonOf(result)).toEqual([
			{
				id: expect.any(String),
				type: 'service_dependency',
				supporting_service: { id: web.id, type: 'technical_service_reference' },
				dependent_service: { id: storefront.id, type: 'business_service_reference' },
			},
		]);
		expect(serviceDependencies(store())).toHaveLength(3);
	});

	it('links two technical services, and returns an existing dependency as it is', async () => {
		const [existing] = serviceDependencies(store());
		const result = await run({
			operation: 'create',
			supportingServiceType: 'service',
			supportingServiceId: byId(existing.supporting.id),
			dependentServiceType: 'business_service',
			dependentBusinessServiceId: byId(existing.dependent.id),
		});
		expect(jsonOf(result)[0].id).toBe(existing.id);
		const technical = await run({
			operation: 'create',
			supportingServiceType: 'service',
			supportingServiceId: byId(serviceNamed('Payments Gateway').id),
			dependentServiceType: 'service',
			dependentServiceId: byId(serviceNamed('Checkout API').id),
		});
		expect(jsonOf(technical)[0]).toMatchObject({
			dependent_service: { type: 'technical_service_reference' },
		});
	});

	it('refuses a service depending on itself before sending', async () => {
		const service = serviceNamed('Checkout API');
		const result = await run({
			operation: 'create',
			supportingServiceId: byId(service.id),
			dependentServiceId: byId(service.id),
		});
		expect(result.error?.message).toBe(
			'"Dependent Service" is the supporting one too: a service cannot depend on itself [item 0]',
		);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	it("shows PagerDuty's 404 for a service that does not exist", async () => {
		const result = await run({
			operation: 'create',
			supportingServiceId: byId('PNOSUCH'),
			dependentServiceType: 'business_service',
			dependentBusinessServiceId: byId(checkout().id),
		});
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});
});

describe('Service Dependency → Delete', () => {
	it('disassociates the services and returns the removed dependency', async () => {
		const [existing] = serviceDependencies(store());
		const result = await run({
			operation: 'delete',
			supportingServiceId: byId(existing.supporting.id),
			dependentServiceType: 'business_service',
			dependentBusinessServiceId: byId(existing.dependent.id),
		});
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			path: '/service_dependencies/disassociate',
			body: {
				relationships: [
					{
						supporting_service: { id: existing.supporting.id, type: 'service' },
						dependent_service: { id: existing.dependent.id, type: 'business_service' },
					},
				],
			},
		});
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ deleted: true, id: existing.id, type: 'service_dependency' }),
		]);
		expect(serviceDependencies(store()).map(({ id }) => id)).not.toContain(existing.id);
	});

	it('goes when its business service is deleted', async () => {
		await pagerDuty.run({
			resource: 'businessService',
			operation: 'delete',
			businessServiceId: byId(checkout().id),
		});
		expect(serviceDependencies(store())).toEqual([]);
	});
});
