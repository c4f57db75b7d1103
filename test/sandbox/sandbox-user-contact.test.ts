import { useSandboxServer } from './use-sandbox';
import { call } from '../../dev/sandbox/helpers';

describe('sandbox: contact methods and notification rules', () => {
	const server = useSandboxServer();

	const user = (index: number) => server.sandbox.store.users[index];
	const post = (userId: string, what: string, body: unknown) =>
		call(server.sandbox.url, 'POST', `/users/${userId}/${what}`, { body });
	const sms = { type: 'sms_contact_method', label: 'Mobile', address: '5550100', country_code: 1 };

	it('checks new contact methods as their type needs', async () => {
		const { id } = user(2);
		const cases: Array<[unknown, number, RegExp?]> = [
			[{ type: 'email_contact_method', label: 'Work', address: 'nope' }, 400, /valid email/],
			[{ ...sms, address: '+1 555' }, 400, /4 to 15 digits/],
			[{ type: 'whatsapp_contact_method', label: 'WA', address: '5550100' }, 400],
			[
				{ type: 'push_notification_contact_method', label: 'Phone', address: 'x' },
				400,
				/mobile app/,
			],
			[{ ...sms, label: ' ' }, 400, /Label/],
			[sms, 201],
			[sms, 400, /already been taken/],
			[{ ...sms, country_code: 44 }, 201],
		];
		for (const [contactMethod, status, message] of cases) {
			const answer = await post(id, 'contact_methods', { contact_method: contactMethod });
			expect({ contactMethod, status: answer.status }).toEqual({ contactMethod, status });
			if (message) expect(answer.body.error.errors.join(' ')).toMatch(message);
		}
		expect(user(2).contact_methods.map((reference) => reference.type)).toEqual([
			'email_contact_method_reference',
			'sms_contact_method_reference',
			'sms_contact_method_reference',
		]);
	});

	it("serves and deletes only the user's own contact methods; deleting one drops its rules", async () => {
		const owner = user(3);
		const created = (await post(owner.id, 'contact_methods', { contact_method: sms })).body
			.contact_method;
		const foreign = await call(
			server.sandbox.url,
			'GET',
			`/users/${user(4).id}/contact_methods/${created.id}`,
		);
		expect(foreign.status).toBe(404);
		const rule = await post(owner.id, 'notification_rules', {
			notification_rule: {
				type: 'assignment_notification_rule',
				start_delay_in_minutes: 1,
				urgency: 'high',
				contact_method: { id: created.id, type: 'sms_contact_method_reference' },
			},
		});
		expect(rule.status).toBe(201);
		const path = `/users/${owner.id}/contact_methods/${created.id}`;
		expect(
			(
				await call(
					server.sandbox.url,
					'DELETE',
					`/users/${user(4).id}/contact_methods/${created.id}`,
				)
			).status,
		).toBe(404);
		expect((await call(server.sandbox.url, 'DELETE', path)).status).toBe(204);
		expect((await call(server.sandbox.url, 'GET', path)).status).toBe(404);
		const rules = await call(
			server.sandbox.url,
			'GET',
			`/users/${owner.id}/notification_rules?urgency=all`,
		);
		expect(rules.body.notification_rules.map((stored: { id: string }) => stored.id)).not.toContain(
			rule.body.notification_rule.id,
		);
		expect(owner.notification_rules.map((reference) => reference.id)).not.toContain(
			rule.body.notification_rule.id,
		);
	});

	it("refuses a rule on another user's method, with a wrong reference type, or low urgency without the ability", async () => {
		const owner = user(5);
		const [own] = owner.contact_methods;
		const rule = (contactMethod: unknown, urgency = 'high') => ({
			notification_rule: {
				type: 'assignment_notification_rule',
				start_delay_in_minutes: 0,
				urgency,
				contact_method: contactMethod,
			},
		});
		const foreign = await post(
			owner.id,
			'notification_rules',
			rule({ id: user(6).contact_methods[0].id, type: 'email_contact_method_reference' }),
		);
		expect(foreign.status).toBe(400);
		expect(foreign.body.error.errors[0]).toMatch(/one of the user's contact methods/);
		const wrongType = await post(
			owner.id,
			'notification_rules',
			rule({ id: own.id, type: 'sms_contact_method_reference' }),
		);
		expect(wrongType.body.error.errors).toEqual([
			'Contact method type must be email_contact_method_reference',
		]);
		server.sandbox.store.abilities.splice(server.sandbox.store.abilities.indexOf('urgencies'), 1);
		const low = await post(
			owner.id,
			'notification_rules',
			rule({ id: own.id, type: 'email_contact_method_reference' }, 'low'),
		);
		expect(low.status).toBe(402);
	});

	it('lists high-urgency rules unless asked for another urgency, contact methods in full on include', async () => {
		const owner = user(1);
		const [own] = owner.contact_methods;
		await post(owner.id, 'notification_rules', {
			notification_rule: {
				type: 'assignment_notification_rule',
				start_delay_in_minutes: 7,
				urgency: 'low',
				contact_method: { id: own.id, type: own.type },
			},
		});
		const list = (query: string) =>
			call(server.sandbox.url, 'GET', `/users/${owner.id}/notification_rules${query}`).then(
				(answer) =>
					answer.body.notification_rules.map(
						(rule: { urgency: string; contact_method: { type: string } }) =>
							`${rule.urgency} ${rule.contact_method.type}`,
					),
			);
		expect(await list('')).toEqual(['high email_contact_method_reference']);
		expect(await list('?urgency=low')).toEqual(['low email_contact_method_reference']);
		expect(await list('?urgency=all&include[]=contact_methods')).toEqual([
			'high email_contact_method',
			'low email_contact_method',
		]);
		const withRules = await call(
			server.sandbox.url,
			'GET',
			`/users/${owner.id}?include[]=notification_rules`,
		);
		expect(withRules.body.user.notification_rules).toHaveLength(2);
	});
});
