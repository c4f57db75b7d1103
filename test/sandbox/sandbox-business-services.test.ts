import { useSandboxServer } from './use-sandbox';
import { call } from '../../dev/sandbox/helpers';
import { businessServices, serviceDependencies } from '../../dev/sandbox/rest-business-services';

/** The business service handlers' own rules (PagerDuty's, beyond the contract). */
describe('PagerDuty sandbox business services', () => {
	const server = useSandboxServer({ seed: { incidents: 5 } });

	it('seeds three business services, one owned by a team, as PagerDuty renders them', async () => {
		const response = await call(server.sandbox.url, 'GET', '/business_services?total=true');
		expect(response.status).toBe(200);
		expect(response.body).toMatchObject({ total: 3, more: false, offset: 0, limit: 25 });
		const [first, second] = response.body.business_services;
		expect(first).toMatchObject({
			type: 'business_service',
			html_url: null,
			team: { type: 'team_reference', id: expect.stringMatching(/^P[A-Z0-9]{6}$/) },
		});
		expect(second.team).toBeNull();
	});

	it.each([
		['no body', undefined, 'business_service is required'],
		['no name', { business_service: { description: 'x' } }, 'Name cannot be empty'],
		['a blank name', { business_service: { name: ' ' } }, 'Name cannot be empty'],
		[
			'a taken name (any case)',
			{ business_service: { name: 'online checkout' } },
			'Name has already been taken',
		],
		[
			'an unknown team',
			{ business_service: { name: 'New', team: { id: 'PNOSUCH' } } },
			'Team not found',
		],
	])('refuses a create with %s (400)', async (_label, body, message) => {
		const response = await call(server.sandbox.url, 'POST', '/business_services', { body });
		expect(response.status).toBe(400);
		expect(response.body.error).toMatchObject({ code: 2001, errors: [message] });
	});

	it('answers a create with 200, and an update keeps the fields it leaves out', async () => {
		const created = await call(server.sandbox.url, 'POST', '/business_services', {
			body: { business_service: { name: 'Mobile', description: 'Apps', point_of_contact: 'Me' } },
		});
		expect(created.status).toBe(200);
		const { id } = created.body.business_service;
		const updated = await call(server.sandbox.url, 'PUT', `/business_services/${id}`, {
			body: { business_service: { point_of_contact: 'You' } },
		});
		expect(updated.body.business_service).toMatchObject({
			name: 'Mobile',
			description: 'Apps',
			point_of_contact: 'You',
		});
		expect((await call(server.sandbox.url, 'DELETE', `/business_services/${id}`)).status).toBe(204);
		expect((await call(server.sandbox.url, 'GET', `/business_services/${id}`)).status).toBe(404);
		expect(businessServices(server.sandbox.store)).toHaveLength(3);
	});

	describe('service dependencies', () => {
		const relationship = (supporting: unknown, dependent: unknown) => ({
			relationships: [{ supporting_service: supporting, dependent_service: dependent }],
		});

		it('takes reference types as well as the plain ones, and answers with reference types', async () => {
			const [web] = server.sandbox.store.services;
			const storefront = businessServices(server.sandbox.store)[2];
			const response = await call(server.sandbox.url, 'POST', '/service_dependencies/associate', {
				body: relationship(
					{ id: web.id, type: 'technical_service_reference' },
					{ id: storefront.id, type: 'business_service_reference' },
				),
			});
			expect(response.status).toBe(200);
			expect(response.body.relationships[0]).toMatchObject({
				supporting_service: { id: web.id, type: 'technical_service_reference' },
				dependent_service: { id: storefront.id, type: 'business_service_reference' },
			});
		});

		it('refuses an unknown type or a self-dependency (400), an unknown service (404)', async () => {
			const [web] = server.sandbox.store.services;
			const send = (body: unknown) =>
				call(server.sandbox.url, 'POST', '/service_dependencies/associate', { body });
			const unknownType = await send(
				relationship({ id: web.id, type: 'team' }, { id: web.id, type: 'service' }),
			);
			expect(unknownType.status).toBe(400);
			const self = await send(
				relationship({ id: web.id, type: 'service' }, { id: web.id, type: 'service' }),
			);
			expect(self.body.error.errors).toEqual(['A service cannot depend on itself']);
			const missing = await send(
				relationship({ id: web.id, type: 'service' }, { id: web.id, type: 'business_service' }),
			);
			expect(missing.status).toBe(404);
			expect((await send({ relationships: [] })).status).toBe(400);
		});

		it('answers 404 for disassociating services that are not linked, and leaves the rest', async () => {
			const [web, checkoutApi] = server.sandbox.store.services;
			const response = await call(
				server.sandbox.url,
				'POST',
				'/service_dependencies/disassociate',
				{
					body: relationship(
						{ id: web.id, type: 'service' },
						{ id: checkoutApi.id, type: 'service' },
					),
				},
			);
			expect(response.status).toBe(404);
			expect(serviceDependencies(server.sandbox.store)).toHaveLength(2);
		});
	});
});
