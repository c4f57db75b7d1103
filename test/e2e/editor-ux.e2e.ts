/**
 * Issue 15, "the editor as users meet it", in a real n8n 2.41.1 editor (headless Chromium): one test per
 * point a browser can see. Screenshots of each step go to test/e2e/artifacts/ux-*.png; the README's
 * come from there.
 */
import type { Locator, Page } from 'playwright-core';

import { Editor, addFromNodePanel } from './editor';
import type { CredentialRef, N8nClient } from '../../dev/n8n/n8n-client';
import type { E2eState } from '../../dev/n8n/state';
import { clientFor, readState, SandboxClient } from '../../dev/n8n/state';
import {
	API_CREDENTIAL_TYPE,
	EVENTS_CREDENTIAL_TYPE,
	pagerDutyNode,
} from '../../dev/n8n/workflows';
import { DEFAULT_ROUTING_KEY } from '../../dev/sandbox/events';

const TOKEN_CREDENTIAL = 'PagerDuty UX (API token)';
const EVENTS_CREDENTIAL = 'PagerDuty UX (Events)';

let state: E2eState;
let n8n: N8nClient;
let editor: Editor;
let page: Page;
let tokenCredential: CredentialRef;
let sandbox: SandboxClient;

jest.setTimeout(240_000);

const ndv = () => page.getByTestId('ndv');
const input = (name: string) => ndv().getByTestId(`parameter-input-${name}`);

/**
 * Opens a select, returns its options' names (taking a screenshot of them when `shot` names one) and
 * closes it again (Escape would close the node too).
 */
async function optionsOf(select: Locator, shot?: string): Promise<string[]> {
	await editor.selectClosed();
	await select.click();
	await editor.selectOptions().first().waitFor();
	const names = await editor.optionNames();
	if (shot) await editor.shot(shot);
	await select.click();
	await editor.selectClosed();
	return names;
}

/** The community entries of the node panel's list, in order: the package badge is a box icon. */
async function panelEntries(): Promise<string[]> {
	const items = page.getByTestId('item-iterator-item');
	const entries: string[] = [];
	for (let index = 0; index < (await items.count()); index++) {
		const item = items.nth(index);
		const name = (await item.getByTestId('node-creator-item-name').allInnerTexts())[0] ?? '';
		const community = (await item.locator('svg[data-icon="box"]').count()) > 0;
		entries.push(community ? `community:${name}` : name);
	}
	return entries;
}

beforeAll(async () => {
	state = readState();
	n8n = clientFor(state);
	sandbox = new SandboxClient(state.sandboxUrl);
	await sandbox.control('POST', 'reset');
	const sandboxHost = { region: 'custom', baseUrl: state.sandboxUrl };
	tokenCredential = await n8n.createCredential(TOKEN_CREDENTIAL, API_CREDENTIAL_TYPE, {
		apiToken: 'sandbox-account-token',
		...sandboxHost,
	});
	await n8n.createCredential(EVENTS_CREDENTIAL, EVENTS_CREDENTIAL_TYPE, {
		routingKeySecret: DEFAULT_ROUTING_KEY,
		...sandboxHost,
	});
	editor = await Editor.launch();
	page = editor.page;
});

afterAll(async () => {
	await editor?.close();
});

describe('the editor as users meet it (issue 15, n8n 2.41.1 in headless Chromium)', () => {
	it('logs in', async () => {
		await editor.logIn(state.n8nUrl);
	});

	it('1: the node panel entry and its Node details describe the package, not just the trigger', async () => {
		await page.goto(`${state.n8nUrl}/workflow/new`);
		await page.getByTestId('canvas-add-button').click();
		await page.getByTestId('node-creator-search-bar').fill('PagerDuty');
		const entry = page
			.getByTestId('item-iterator-item')
			.filter({ has: page.locator('svg[data-icon="box"]') })
			.filter({
				has: page.getByTestId('node-creator-item-name').filter({ hasText: /^PagerDuty$/ }),
			});
		await entry.waitFor();
		const text = await entry.innerText();
		expect(text).toContain('Manage PagerDuty incidents');
		expect(text).toContain('start workflows on PagerDuty events');
		// The Events API has a node of its own beside it.
		await editor.eventually(panelEntries, (entries) =>
			expect(entries).toEqual(
				expect.arrayContaining(['community:PagerDuty', 'community:PagerDuty Events']),
			),
		);
		await editor.shot('ux-01-node-panel-search');
		await entry.click();
		const details = page.getByTestId('node-creator');
		await details.getByText('Via npm').waitFor();
		expect(await details.innerText()).toContain(
			'Manage PagerDuty incidents, on-call, schedules and services, and start workflows on PagerDuty events',
		);
		await editor.shot('ux-01-node-details');
	});

	it('10, 12: Node details name trigger events in words and actions by n8n’s rule', async () => {
		const names = page.getByTestId('node-creator-item-name');
		const triggers = (await names.allInnerTexts()).filter((name) => name.startsWith('On '));
		expect(triggers).toEqual(
			expect.arrayContaining(['On any incident or service event', 'On incident type changed']),
		);
		expect(triggers.filter((name) => /incident incident|\*/i.test(name))).toEqual([]);
		await page.getByText(/^Actions \(\d+\)$/).click();
		await page.getByText('Get many on-calls', { exact: true }).scrollIntoViewIfNeeded();
		const actions = (await names.allInnerTexts()).filter((name) => !name.startsWith('On '));
		expect(actions).toEqual(
			expect.arrayContaining([
				'Update many incidents',
				'Create a responder request',
				'Create a status update',
				'Get many on-calls',
				'Get on-call users of a schedule',
			]),
		);
		expect(actions.filter((name) => /at once|Request responders|on calls/.test(name))).toEqual([]);
		await editor.shot('ux-12-node-details-actions');
	});

	it('2, 14: one Custom API Call, last in Resource, none in any Operation list; the subtitle is the action', async () => {
		await page.getByText('Get many incidents', { exact: true }).click();
		await ndv().waitFor();
		const resources = await optionsOf(input('resource'), 'ux-02-resource-list');
		expect(resources.filter((name) => name === 'Custom API Call')).toHaveLength(1);
		expect(resources[resources.length - 1]).toBe('Custom API Call');
		expect(resources).not.toContain('Event');
		for (const resource of resources) {
			await editor.pick(input('resource'), resource);
			const operations = await optionsOf(input('operation'));
			expect({ resource, operations }).toEqual({
				resource,
				operations: expect.not.arrayContaining(['Custom API Call']),
			});
			expect(await ndv().getByTestId('node-parameters-http-notice').count()).toBe(0);
		}
		await editor.pick(input('resource'), 'Incident');
		await editor.pick(input('operation'), 'Get Many');
		await page.getByTestId('ndv-close-button').click();
		// The node is named after the action it was added by; the subtitle is the chosen action too.
		await editor.eventually(
			() => page.getByTestId('canvas-node').filter({ hasText: 'Get many incidents' }).innerText(),
			(text) => expect(text.match(/Get many incidents/g)).toHaveLength(2),
		);
		expect(await page.getByTestId('canvas-node').allInnerTexts()).not.toEqual(
			expect.arrayContaining([expect.stringContaining('getAll')]),
		);
		await editor.shot('ux-14-canvas-subtitle');
	});

	it('3: the PagerDuty node keeps its credential when the resource changes', async () => {
		await page.getByTestId('canvas-node').filter({ hasText: 'Get many incidents' }).dblclick();
		await ndv().waitFor();
		await editor.choose(ndv().getByTestId('node-credentials-select'), TOKEN_CREDENTIAL);
		for (const resource of ['Schedule', 'Incident']) {
			await editor.pick(input('resource'), resource);
			await editor.eventually(
				() => ndv().getByTestId('node-credentials-select').locator('input').inputValue(),
				(value) => expect(value).toBe(TOKEN_CREDENTIAL),
			);
			expect(
				await ndv().getByTestId('node-credentials-slot').getByTestId('parameter-issues').count(),
			).toBe(0);
		}
		await editor.shot('ux-03-credential-kept');
	});

	it('7: resource locators name the object with its article', async () => {
		await editor.pick(input('operation'), 'Snooze');
		const placeholders = (locator: string) =>
			ndv()
				.getByTestId(`resource-locator-${locator}`)
				.locator('input')
				.evaluateAll((inputs) => inputs.map((element) => element.getAttribute('placeholder')));
		expect(await placeholders('incidentId')).toContain('Select an incident...');
		await editor.pick(input('resource'), 'Escalation Policy');
		await editor.pick(input('operation'), 'Get');
		expect(await placeholders('escalationPolicyId')).toContain('Select an escalation policy...');
		await editor.shot('ux-07-locator-placeholder');
	});

	it('9: a schedule layer and an escalation policy ask in the order of the task', async () => {
		await editor.pick(input('resource'), 'Schedule');
		await editor.pick(input('operation'), 'Create');
		const layers = ndv().getByTestId('fixed-collection-layers');
		await layers.getByTestId('fixed-collection-add').click();
		const fieldsIn = (container: Locator) =>
			container
				.locator('[data-test-id^="parameter-input-"]')
				.evaluateAll((elements) =>
					elements.map((element) =>
						(element.getAttribute('data-test-id') ?? '').replace('parameter-input-', ''),
					),
				);
		await editor.eventually(
			() => fieldsIn(layers),
			(fields) =>
				expect(fields.filter((name) => name !== 'field')).toEqual([
					'name',
					'userIds',
					'start',
					'rotationVirtualStart',
					'turnLength',
					'turnLengthUnit',
					'end',
				]),
		);
		await editor.shot('ux-09-schedule-layer');
		await editor.pick(input('resource'), 'Escalation Policy');
		await editor.pick(input('operation'), 'Create');
		const order = await ndv()
			.getByTestId('node-parameters')
			.locator(
				'[data-test-id="parameter-input-email"], [data-test-id="fixed-collection-escalationRules"]',
			)
			.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-test-id')));
		expect(order).toEqual(['parameter-input-email', 'fixed-collection-escalationRules']);
		const rules = ndv().getByTestId('fixed-collection-escalationRules');
		await rules.getByTestId('fixed-collection-add').click();
		await editor.eventually(
			() => fieldsIn(rules),
			(fields) =>
				expect(fields.filter((name) => name !== 'field')).toEqual([
					'userIds',
					'scheduleIds',
					'delayMinutes',
					'assignmentStrategy',
				]),
		);
		await editor.shot('ux-09-escalation-rules');
	});

	it('8: users and teams are picked by name; the built-in node’s text fields are offered no more', async () => {
		await editor.pick(input('resource'), 'Incident');
		await editor.pick(input('operation'), 'Get Many');
		await ndv().getByTestId('collection-parameter-add').first().click();
		await editor.selectOptions().first().waitFor();
		const fields = await editor.optionNames();
		expect(fields).toEqual(expect.arrayContaining(['User Names or IDs', 'Team Names or IDs']));
		expect(fields).not.toEqual(expect.arrayContaining(['User IDs']));
		expect(fields).not.toEqual(expect.arrayContaining(['Team IDs']));
		await editor.selectOptions().filter({ hasText: 'User Names or IDs' }).first().click();
		await input('users').waitFor();
		// The list loads from the sandbox through the credential.
		await editor.eventually(
			async () => {
				await input('users').click();
				await page.waitForTimeout(500);
				return await editor.optionNames();
			},
			(users) => expect(users).toEqual(expect.arrayContaining(['Jane Doe', 'Kenji Sato'])),
		);
		await editor.shot('ux-08-user-multi-select');
	});

	it('8: a workflow saved by the built-in node opens with its User IDs text and no issue', async () => {
		const { id } = await n8n.api<{ id: string }>('POST', '/workflows', {
			name: 'Saved by the built-in node',
			nodes: [
				pagerDutyNode(
					{ apiToken: tokenCredential },
					{ resource: 'incident', operation: 'getAll', options: { userIds: 'PABC123,PDEF456' } },
					{ position: [0, 0] },
				),
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		await page.goto(`${state.n8nUrl}/workflow/${id}`);
		await page.getByTestId('canvas-node').filter({ hasText: 'PagerDuty' }).dblclick();
		await ndv().waitFor();
		await editor.eventually(
			() => input('userIds').locator('input, textarea').first().inputValue(),
			(value) => expect(value).toBe('PABC123,PDEF456'),
		);
		expect(await ndv().getByTestId('parameter-issues').count()).toBe(0);
		await editor.shot('ux-08-legacy-user-ids');
	});

	it('3: PagerDuty Events is a node of its own, with its credential picked and no Resource field', async () => {
		await addFromNodePanel(
			editor,
			state.n8nUrl,
			'Trigger, acknowledge and resolve',
			'Trigger an alert',
		);
		await editor.eventually(
			() => ndv().getByTestId('node-credentials-select').locator('input').inputValue(),
			(value) => expect(value).toBe(EVENTS_CREDENTIAL),
		);
		expect(await input('resource').count()).toBe(0);
		expect(await optionsOf(input('operation'))).toEqual([
			'Acknowledge',
			'Resolve',
			'Send Change Event',
			'Trigger',
		]);
		await editor.shot('ux-03-events-node');
	});

	it('14: the trigger shows its scope, says when the test ping starts it, and runs on it while listening', async () => {
		await addFromNodePanel(
			editor,
			state.n8nUrl,
			'Manage PagerDuty incidents',
			'On incident triggered',
		);
		const hint = ndv().getByTestId('node-hint').filter({ hasText: 'Run on Test Ping' });
		await hint.waitFor();
		expect(await hint.innerText()).toContain('only while you listen for a test event');
		await editor.shot('ux-14-trigger-hint');

		// Listening subscribes n8n's test URL at the sandbox; PagerDuty's "Send Test Event" then runs it.
		await editor.choose(ndv().getByTestId('node-credentials-select'), TOKEN_CREDENTIAL);
		await ndv().getByTestId('trigger-execute-button').click();
		let subscriptionId = '';
		await editor.eventually(
			() =>
				sandbox.rest<{
					webhook_subscriptions: Array<{ id: string; delivery_method: { url: string } }>;
				}>('/webhook_subscriptions'),
			({ webhook_subscriptions: subscriptions }) => {
				const listening = subscriptions.find(({ delivery_method: delivery }) =>
					delivery.url.includes('/webhook-test/'),
				);
				expect(listening).toBeDefined();
				subscriptionId = listening!.id;
			},
			30_000,
		);
		await sandbox.rest(`/webhook_subscriptions/${subscriptionId}/ping`, undefined, 'POST');
		await editor.eventually(
			() => ndv().getByTestId('output-panel').innerText(),
			(text) => expect(text).toContain('pagey.ping'),
			30_000,
		);
		await editor.shot('ux-14-trigger-test-ping');

		await page.getByTestId('ndv-close-button').click();
		await editor.eventually(
			() => page.getByTestId('canvas-node').first().innerText(),
			(text) => expect(text).toContain('Whole account'),
		);
	});

	it('4: the node panel finds PagerDuty by task, and not for unrelated searches', async () => {
		await page.goto(`${state.n8nUrl}/workflow/new`);
		await page.getByTestId('canvas-add-button').click();
		const search = async (query: string) => {
			await page.getByTestId('node-creator-search-bar').fill(query);
			await page.waitForTimeout(300);
			return await panelEntries();
		};
		for (const query of ['snooze', 'create an incident', 'maintenance window', 'who is on call']) {
			await editor.eventually(
				() => search(query),
				(entries) =>
					expect({ query, first: entries[0] }).toEqual({ query, first: 'community:PagerDuty' }),
			);
			if (query === 'snooze') await editor.shot('ux-04-search-snooze');
		}
		await editor.eventually(
			() => search('trigger alert'),
			(entries) => expect(entries[0]).toBe('community:PagerDuty Events'),
		);
		await editor.shot('ux-04-search-trigger-alert');
		for (const query of ['gmail', 'http', 'slack']) {
			const entries = await search(query);
			expect(entries.length).toBeGreaterThan(0);
			expect({ query, entries }).toEqual({
				query,
				entries: expect.not.arrayContaining(['community:PagerDuty', 'community:PagerDuty Events']),
			});
		}
	});

	it('6, 5: the credential list tells the package’s credentials apart; a wrong token’s 401 is explained', async () => {
		await page.goto(`${state.n8nUrl}/home/credentials`);
		await page.getByTestId('add-resource-credential').click();
		const picker = page.getByTestId('selectCredential-modal');
		await picker.getByTestId('new-credential-type-select').click();
		await page.keyboard.type('PagerDuty');
		const types = page.getByTestId('new-credential-type-select-option');
		await editor.eventually(
			() => types.allInnerTexts(),
			(names) =>
				expect(names).toEqual([
					'PagerDuty API',
					'PagerDuty Community Events API',
					'PagerDuty Community OAuth2 API',
					'PagerDuty Community Token API',
					'PagerDuty OAuth2 API',
				]),
		);
		await editor.shot('ux-06-credential-types');
		await types.filter({ hasText: 'PagerDuty Community Token API' }).click();
		await picker.getByTestId('new-credential-type-button').click();
		const modal = page.getByTestId('editCredential-modal');
		await modal.waitFor();
		expect(await modal.getByTestId('credential-name').innerText()).toBe(
			'PagerDuty Community Token account',
		);
		await modal
			.getByText('For the PagerDuty and PagerDuty Trigger nodes of the n8n-nodes-pagerduty')
			.waitFor();
		await modal.getByText('Integrations → API Access Keys').waitFor();
		await modal.getByTestId('parameter-input-apiToken').locator('input').fill('revoked-token');
		await editor.choose(modal.getByTestId('parameter-input-region'), 'Custom Base URL');
		await modal.getByTestId('parameter-input-baseUrl').locator('input').fill(state.sandboxUrl);
		await modal.getByTestId('credential-save-button').click();
		await modal.getByText(/Couldn.t connect with these settings/).waitFor();
		await modal.getByText('More details').click();
		await modal.getByText(/Service Region matches your account/).waitFor();
		expect(await modal.innerText()).not.toContain('revoked-token');
		await editor.shot('ux-05-credential-401');
	});
});
