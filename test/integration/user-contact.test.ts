import { byId, itemMarker, jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';
import { contactMethods, notificationRules } from '../../dev/sandbox/rest-users';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const userNamed = (name: string) => store().users.find((user) => user.name === name)!;
const methodsOf = (userId: string) =>
	contactMethods(store()).filter((method) =>
		store()
			.user(userId)!
			.contact_methods.some((reference) => reference.id === method.id),
	);
const rulesOf = (userId: string) =>
	notificationRules(store())
		.filter((stored) => stored.userId === userId)
		.map((stored) => stored.rule);

/** Adds a phone contact method to a user through the sandbox, as a test's starting point. */
async function addPhone(userId: string, type = 'sms_contact_method') {
	const result = await pagerDuty.run({
		resource: 'user',
		operation: 'createContactMethod',
		userId: byId(userId),
		contactMethodType: type,
		label: 'Mobile',
		phoneNumber: '555 010 4477',
		countryCode: 44,
	});
	expect(result.error).toBeUndefined();
	return jsonOf(result)[0] as { id: string };
}

describe('User → Create Contact Method', () => {
	it('adds an email address and returns the new method', async () => {
		const user = userNamed('Priya Raman');
		const result = await pagerDuty.run({
			resource: 'user',
			operation: 'createContactMethod',
			userId: byId(user.id),
			contactMethodType: 'email_contact_method',
			label: 'Pager gateway',
			emailAddress: ' pager@example.com ',
			sendShortEmail: true,
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'POST',
			path: `/users/${user.id}/contact_methods`,
			status: 201,
		});
		expect(request.body).toEqual({
			contact_method: {
				type: 'email_contact_method',
				label: 'Pager gateway',
				address: 'pager@example.com',
				send_short_email: true,
			},
		});
		const [method] = jsonOf(result);
		expect(method).toMatchObject({
			id: expect.stringMatching(/^P[A-Z0-9]{6}$/),
			type: 'email_contact_method',
			label: 'Pager gateway',
			address: 'pager@example.com',
			send_short_email: true,
		});
		expect(methodsOf(user.id).map((stored) => stored.id)).toContain(method.id);
	});

	it.each([
		['phone_contact_method', 'Phone (voice)'],
		['sms_contact_method', 'SMS'],
		['whatsapp_contact_method', 'WhatsApp'],
	])('adds a %s with its country code and the digits of the number', async (type) => {
		const user = userNamed('Lukas Becker');
		const method = await addPhone(user.id, type);
		expect(pagerDuty.restRequests()[0].body).toEqual({
			contact_method: { type, label: 'Mobile', address: '5550104477', country_code: 44 },
		});
		expect(method).toMatchObject({ type, address: '5550104477', country_code: 44 });
	});

	it('refuses a bad address before sending, naming the field and the item', async () => {
		const user = userNamed('Lukas Becker');
		const result = await pagerDuty.run(
			{
				resource: 'user',
				operation: 'createContactMethod',
				userId: byId(user.id),
				contactMethodType: '={{ $json.type }}',
				label: 'Work',
				emailAddress: '={{ $json.address }}',
				phoneNumber: '={{ $json.address }}',
				countryCode: 49,
			},
			{
				items: [
					{ type: 'email_contact_method', address: 'not-an-email' },
					{ type: 'phone_contact_method', address: '+49 30 1234567' },
					{ type: 'sms_contact_method', address: '12' },
				],
				continueOnFail: true,
			},
		);
		const [email, withCountry, tooShort] = jsonOf(result);
		expect(email.error).toMatch(/^"Email Address" must be an email address/);
		expect(email.error).toMatch(itemMarker(0));
		expect(withCountry.error).toMatch(
			/^"Phone Number" must not hold the country code: put it in "Country Code"/,
		);
		expect(withCountry.error).toMatch(itemMarker(1));
		expect(tooShort.error).toMatch(/^"Phone Number" must be the number of 4 to 15 digits/);
		expect(pairedItemsOf(result)).toEqual([0, 1, 2]);
		expect(pagerDuty.restRequests()).toHaveLength(0);
	});

	it("passes on PagerDuty's 400 for an address the user already has, and 404 for an unknown user", async () => {
		const user = userNamed('Jane Doe');
		const result = await pagerDuty.run(
			{
				resource: 'user',
				operation: 'createContactMethod',
				userId: byId('={{ $json.user }}'),
				contactMethodType: 'email_contact_method',
				label: 'Again',
				emailAddress: user.email,
			},
			{ items: [{ user: user.id }, { user: 'PNOPE42' }], continueOnFail: true },
		);
		const [taken, unknown] = jsonOf(result);
		expect(taken.error).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(taken.description).toMatch(/Address has already been taken/);
		expect(unknown.error).toBe('PagerDuty 404: Not Found (code 2100)');
		expect(pairedItemsOf(result)).toEqual([0, 1]);
		expect(methodsOf(user.id)).toHaveLength(1);
	});
});

describe('User → Get Contact Method', () => {
	it("reads one of the user's contact methods", async () => {
		const user = userNamed('Kenji Sato');
		const [method] = methodsOf(user.id);
		const result = await pagerDuty.run({
			resource: 'user',
			operation: 'getContactMethod',
			userId: byId(user.id),
			contactMethodId: method.id,
		});
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'GET',
			path: `/users/${user.id}/contact_methods/${method.id}`,
			status: 200,
		});
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ id: method.id, address: user.email }),
		]);
	});

	it("answers 404 for another user's contact method, and refuses an ID that is none", async () => {
		const other = methodsOf(userNamed('Tom Walsh').id)[0];
		const result = await pagerDuty.run(
			{
				resource: 'user',
				operation: 'getContactMethod',
				userId: byId(userNamed('Kenji Sato').id),
				contactMethodId: '={{ $json.method }}',
			},
			{ items: [{ method: other.id }, { method: '../../me' }], continueOnFail: true },
		);
		const [foreign, invalid] = jsonOf(result);
		expect(foreign.error).toBe('PagerDuty 404: Not Found (code 2100)');
		expect(invalid.error).toMatch(/^"Contact Method" must be a PagerDuty ID/);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});
});

describe('User → Delete Contact Method', () => {
	it('deletes the method (and PagerDuty drops the rules that use it) and returns both IDs', async () => {
		const user = userNamed('Sofia Rossi');
		const phone = await addPhone(user.id);
		const rule = await pagerDuty.run({
			resource: 'user',
			operation: 'createNotificationRule',
			userId: byId(user.id),
			contactMethodId: phone.id,
			startDelayInMinutes: 5,
		});
		const ruleId = jsonOf(rule)[0].id as string;
		const result = await pagerDuty.run({
			resource: 'user',
			operation: 'deleteContactMethod',
			userId: byId(user.id),
			contactMethodId: phone.id,
		});
		expect(result.error).toBeUndefined();
		expect(pagerDuty.restRequests().at(-1)).toMatchObject({
			method: 'DELETE',
			path: `/users/${user.id}/contact_methods/${phone.id}`,
			status: 204,
		});
		expect(jsonOf(result)).toEqual([{ deleted: true, id: phone.id, user_id: user.id }]);
		expect(methodsOf(user.id).map((method) => method.id)).not.toContain(phone.id);
		expect(rulesOf(user.id).map((stored) => stored.id)).not.toContain(ruleId);
	});
});

describe('User → Get Many Notification Rules', () => {
	it('lists rules of both urgencies by default, with contact methods in full when asked', async () => {
		const user = userNamed('Maria Garcia');
		const phone = await addPhone(user.id);
		for (const [delay, urgency] of [
			[3, 'low'],
			[10, 'high'],
		] as const)
			await pagerDuty.run({
				resource: 'user',
				operation: 'createNotificationRule',
				userId: byId(user.id),
				contactMethodId: phone.id,
				startDelayInMinutes: delay,
				urgency,
			});
		pagerDuty.sandbox.requests.length = 0;
		const result = await pagerDuty.run({
			resource: 'user',
			operation: 'getAllNotificationRules',
			userId: byId(user.id),
			returnAll: true,
			options: { include: ['contact_methods'] },
		});
		const [request] = pagerDuty.restRequests();
		expect(request.path).toBe(`/users/${user.id}/notification_rules`);
		expect(queryOf(request)).toEqual({ urgency: 'all', 'include[]': 'contact_methods' });
		const rules = jsonOf(result);
		expect(rules.map((rule) => [rule.start_delay_in_minutes, rule.urgency])).toEqual([
			[0, 'high'],
			[3, 'low'],
			[10, 'high'],
		]);
		expect(rules[1].contact_method).toMatchObject({ id: phone.id, address: '5550104477' });
	});

	it('filters by urgency and cuts the list to the Limit', async () => {
		const user = userNamed('Maria Garcia');
		const phone = await addPhone(user.id);
		for (const delay of [1, 2, 3])
			await pagerDuty.run({
				resource: 'user',
				operation: 'createNotificationRule',
				userId: byId(user.id),
				contactMethodId: phone.id,
				startDelayInMinutes: delay,
			});
		pagerDuty.sandbox.requests.length = 0;
		const result = await pagerDuty.run({
			resource: 'user',
			operation: 'getAllNotificationRules',
			userId: byId(user.id),
			limit: 2,
			options: { urgency: 'high' },
		});
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({ urgency: 'high' });
		expect(jsonOf(result).map((rule) => rule.start_delay_in_minutes)).toEqual([0, 1]);
	});
});

describe('User → Create Notification Rule', () => {
	it('names the contact method by the reference type of its kind, read from PagerDuty', async () => {
		const user = userNamed('Priya Raman');
		const sms = await addPhone(user.id, 'sms_contact_method');
		const [email] = methodsOf(user.id);
		const result = await pagerDuty.run(
			{
				resource: 'user',
				operation: 'createNotificationRule',
				userId: byId(user.id),
				contactMethodId: '={{ $json.method }}',
				startDelayInMinutes: '={{ $json.delay }}',
				urgency: 'high',
			},
			{
				items: [
					{ method: sms.id, delay: 2 },
					{ method: email.id, delay: 0 },
				],
			},
		);
		expect(result.error).toBeUndefined();
		const posts = pagerDuty
			.restRequests()
			.filter((request) => request.method === 'POST')
			.slice(1);
		expect(posts.map((request) => request.body)).toEqual([
			{
				notification_rule: {
					type: 'assignment_notification_rule',
					start_delay_in_minutes: 2,
					urgency: 'high',
					contact_method: { id: sms.id, type: 'sms_contact_method_reference' },
				},
			},
			{
				notification_rule: {
					type: 'assignment_notification_rule',
					start_delay_in_minutes: 0,
					urgency: 'high',
					contact_method: { id: email.id, type: 'email_contact_method_reference' },
				},
			},
		]);
		expect(posts.map((request) => request.status)).toEqual([201, 201]);
		const [smsRule] = jsonOf(result);
		expect(smsRule).toMatchObject({
			type: 'assignment_notification_rule',
			start_delay_in_minutes: 2,
			contact_method: { id: sms.id, type: 'sms_contact_method_reference' },
		});
		expect(rulesOf(user.id).map((rule) => rule.id)).toContain(smsRule.id);
	});

	it("fails with 404 for another user's contact method and sends no rule", async () => {
		const other = methodsOf(userNamed('Tom Walsh').id)[0];
		const result = await pagerDuty.run(
			{
				resource: 'user',
				operation: 'createNotificationRule',
				userId: byId(userNamed('Priya Raman').id),
				contactMethodId: other.id,
			},
			{ continueOnFail: true },
		);
		expect(jsonOf(result)[0].error).toBe('PagerDuty 404: Not Found (code 2100)');
		expect(pagerDuty.restRequests().map((request) => request.method)).toEqual(['GET']);
	});

	it('refuses a negative delay before sending, and passes on the 402 of an account without urgencies', async () => {
		const user = userNamed('Priya Raman');
		const [email] = methodsOf(user.id);
		const abilities = store().abilities;
		abilities.splice(abilities.indexOf('urgencies'), 1);
		const result = await pagerDuty.run(
			{
				resource: 'user',
				operation: 'createNotificationRule',
				userId: byId(user.id),
				contactMethodId: email.id,
				startDelayInMinutes: '={{ $json.delay }}',
				urgency: 'low',
			},
			{ items: [{ delay: -1 }, { delay: 5 }], continueOnFail: true },
		);
		const [negative, lowUrgency] = jsonOf(result);
		// The router checks the declared minimum before the operation runs.
		expect(negative.error).toMatch(
			/^"Start Delay \(Minutes\)" must be a whole number of at least 0 \(not -1\)/,
		);
		expect(lowUrgency.error).toMatch(/^PagerDuty 402/);
		expect(lowUrgency.description).toMatch(/urgencies/);
		expect(pairedItemsOf(result)).toEqual([0, 1]);
	});
});

describe('User → Delete Notification Rule', () => {
	it('deletes the rule and returns its ID with the user ID; a second delete is a 404', async () => {
		const user = userNamed('Kenji Sato');
		const [rule] = rulesOf(user.id);
		const parameters = {
			resource: 'user',
			operation: 'deleteNotificationRule',
			userId: byId(user.id),
			notificationRuleId: rule.id,
		};
		const result = await pagerDuty.run(parameters);
		expect(pagerDuty.restRequests()[0]).toMatchObject({
			method: 'DELETE',
			path: `/users/${user.id}/notification_rules/${rule.id}`,
			status: 204,
		});
		expect(jsonOf(result)).toEqual([{ deleted: true, id: rule.id, user_id: user.id }]);
		expect(rulesOf(user.id)).toEqual([]);
		const again = await pagerDuty.run(parameters, { continueOnFail: true });
		expect(jsonOf(again)[0].error).toBe('PagerDuty 404: Not Found (code 2100)');
	});
});

describe('User dropdowns that depend on the chosen user', () => {
	it("lists the user's contact methods and notification rules by what they say", async () => {
		const user = userNamed('Lukas Becker');
		const phone = await addPhone(user.id, 'phone_contact_method');
		await pagerDuty.run({
			resource: 'user',
			operation: 'createNotificationRule',
			userId: byId(user.id),
			contactMethodId: phone.id,
			startDelayInMinutes: 15,
			urgency: 'low',
		});
		const parameters = {
			resource: 'user',
			operation: 'deleteNotificationRule',
			userId: byId(user.id),
		};
		const methods = await pagerDuty.loadOptions('getUserContactMethods', parameters);
		expect(methods).toEqual([
			{ name: `Default (${user.email})`, value: user.contact_methods[0].id, description: 'email' },
			{ name: 'Mobile (5550104477)', value: phone.id, description: 'phone' },
		]);
		const rules = await pagerDuty.loadOptions('getUserNotificationRules', parameters);
		expect(rules.map((rule) => rule.name)).toEqual([
			`0 min, high: Default (${user.email})`,
			'15 min, low: Mobile (5550104477)',
		]);
		expect(queryOf(pagerDuty.restRequests().at(-1)!)).toEqual({
			urgency: 'all',
			'include[]': 'contact_methods',
		});
	});

	it('asks for the user first', async () => {
		await expect(
			pagerDuty.loadOptions('getUserContactMethods', {
				resource: 'user',
				operation: 'getContactMethod',
				userId: { __rl: true, mode: 'list', value: '' },
			}),
		).rejects.toThrow('Choose the user first: this list depends on it');
	});
});
