/**
 * The editor in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core; never a downloaded browser):
 * log in, add this package's PagerDuty node from the node panel, create the API-token credential in the credential
 * modal (test succeeds against the sandbox), run Incident → Get Many and see the sandbox's incidents. Also checks
 * the OAuth2 and Scoped OAuth2 credential modals. Screenshots go to test/e2e/artifacts/ (the README's come from there).
 */
import type { Page } from 'playwright-core';

import { Editor } from './editor';
import { N8nClient } from '../../dev/n8n/n8n-client';
import { clientFor, E2eState, readState, SandboxClient } from '../../dev/n8n/state';
import { API_CREDENTIAL_TYPE } from '../../dev/n8n/workflows';

const CREDENTIAL_NAME = 'PagerDuty sandbox (made in the editor)';

let state: E2eState;
let n8n: N8nClient;
let sandbox: SandboxClient;
let editor: Editor;
let page: Page;

jest.setTimeout(180_000);

beforeAll(async () => {
	state = readState();
	n8n = clientFor(state);
	sandbox = new SandboxClient(state.sandboxUrl);
	// One credential of the type already exists, so the node shows the credential dropdown (as for most users).
	await n8n.createCredential('PagerDuty sandbox (existing)', API_CREDENTIAL_TYPE, {
		apiToken: 'sandbox-account-token',
		region: 'custom',
		baseUrl: state.sandboxUrl,
	});
	editor = await Editor.launch();
	page = editor.page;
});

afterAll(async () => {
	await editor?.close();
});

describe('the PagerDuty node in the n8n editor (headless Chromium)', () => {
	it('logs in', async () => {
		await editor.logIn(state.n8nUrl);
	});

	it('finds both PagerDuty nodes in the node panel, this package marked as installed from npm', async () => {
		await page.goto(`${state.n8nUrl}/workflow/new`);
		await page.getByTestId('canvas-add-button').click();
		await page.keyboard.type('manual');
		await page
			.getByTestId('node-creator-item-name')
			.filter({ hasText: /^Trigger manually$/ })
			.first()
			.click();
		await page.getByTestId('canvas-trigger-node').waitFor();
		await page.keyboard.press('Escape');
		await page.getByTestId('canvas-handle-plus').first().click();
		await page.getByText('What happens next?').waitFor();
		await page.keyboard.type('PagerDuty');
		const items = page.getByTestId('item-iterator-item').filter({
			has: page.getByTestId('node-creator-item-name').filter({ hasText: /^PagerDuty$/ }),
		});
		await editor.eventually(
			() => items.count(),
			(count) => expect(count).toBeGreaterThanOrEqual(2),
		);
		// The community package's entry carries the package badge (a box icon); n8n's own does not.
		const community = items.filter({ has: page.locator('svg[data-icon="box"]') });
		const builtIn = items.filter({ hasText: 'Consume PagerDuty API' });
		expect(await community.count()).toBe(1);
		expect(await builtIn.count()).toBe(1);
		expect(await builtIn.locator('svg[data-icon="box"]').count()).toBe(0);
		await editor.shot('node-panel-search');
		await community.click();
		await page.getByText('Via npm').waitFor();
		await editor.shot('node-panel-actions');
		await page.getByText('Get many incidents', { exact: true }).first().click();
		await page.getByTestId('ndv').waitFor();
		await editor.eventually(
			() => page.getByTestId('parameter-input-resource').locator('input').inputValue(),
			(value) => expect(value).toBe('Incident'),
		);
		await editor.eventually(
			() => page.getByTestId('parameter-input-operation').locator('input').inputValue(),
			(value) => expect(value).toBe('Get Many'),
		);
	});

	it('shows the OAuth2 credential modal with n8n’s redirect URL, Client ID and Client Secret', async () => {
		await page.getByTestId('node-credentials-select').click();
		await page.getByTestId('node-credentials-select-item-new').click();
		const modal = page.getByTestId('editCredential-modal');
		await modal.waitFor();
		const mode = modal.getByTestId('credential-mode-dropdown-trigger');
		if (!(await mode.innerText()).includes('OAuth2')) await editor.choose(mode, 'OAuth2');
		await editor.eventually(
			() => modal.getByTestId('copy-input').innerText(),
			(value) => expect(value).toBe(`${state.n8nUrl}/rest/oauth2-credential/callback`),
		);
		await modal.getByTestId('parameter-input-clientId').waitFor();
		await modal.getByTestId('parameter-input-clientSecret').waitFor();
		await modal.getByTestId('parameter-input-region').waitFor();
		await editor.shot('credential-modal-oauth2');
	});

	it('shows the Scoped OAuth2 credential: an app token needs no connecting, a user token gets n8n’s redirect URL', async () => {
		const modal = page.getByTestId('editCredential-modal');
		await editor.choose(modal.getByTestId('credential-mode-dropdown-trigger'), 'Scoped OAuth2');
		await modal.getByTestId('parameter-input-subdomain').waitFor();
		await modal.getByTestId('parameter-input-scopePreset').waitFor();
		// App Token (the default): n8n treats client credentials as no "connect" flow, so no redirect URL.
		await editor.eventually(
			() => modal.getByTestId('copy-input').count(),
			(count) => expect(count).toBe(0),
		);
		await editor.shot('credential-modal-scoped-app-token');
		// The visible Token Type is the OAuth grant: n8n's editor reads it to offer the connect flow.
		await editor.choose(modal.getByTestId('parameter-input-grantType'), 'User Token');
		await editor.eventually(
			() => modal.getByTestId('copy-input').innerText(),
			(value) => expect(value).toBe(`${state.n8nUrl}/rest/oauth2-credential/callback`),
		);
		await editor.shot('credential-modal-scoped-user-token');
	});

	it('creates the API-token credential in the modal; n8n’s test succeeds against the sandbox', async () => {
		const modal = page.getByTestId('editCredential-modal');
		await editor.choose(modal.getByTestId('credential-mode-dropdown-trigger'), 'API Token');
		await modal
			.getByTestId('parameter-input-apiToken')
			.locator('input')
			.fill('sandbox-account-token');
		await editor.choose(modal.getByTestId('parameter-input-region'), 'Custom Base URL');
		await modal.getByTestId('parameter-input-baseUrl').locator('input').fill(state.sandboxUrl);
		await modal
			.getByTestId('parameter-input-defaultFromEmail')
			.locator('input')
			.fill('jane.doe@example.com');
		await modal.getByTestId('credential-name').click();
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type(CREDENTIAL_NAME);
		await page.keyboard.press('Enter');
		await sandbox.clearRequests();
		await editor.shot('credential-modal-api-token-filled');
		await modal.getByTestId('credential-save-button').click();
		// Saving runs the credential's test (GET /abilities); on success n8n 2.41 closes the modal.
		await modal.waitFor({ state: 'hidden', timeout: 30_000 });
		const requests = await sandbox.requests();
		expect(
			requests.some((request) => request.path === '/abilities' && request.status === 200),
		).toBe(true);
		// Reopened, the modal shows the test result ("Connection tested successfully").
		await page.getByTestId('credential-edit-button').click();
		await modal.waitFor();
		await modal
			.getByText('Connection tested successfully')
			.filter({ visible: true })
			.first()
			.waitFor({ timeout: 30_000 });
		await editor.shot('credential-modal-api-token');
		await page.keyboard.press('Escape');
		await modal.waitFor({ state: 'hidden' });
		// Escape may close the node panel too: open it again from the canvas.
		if (!(await page.getByTestId('ndv').isVisible())) {
			await page.getByTestId('canvas-node').filter({ hasText: 'Get many incidents' }).dblclick();
			await page.getByTestId('ndv').waitFor();
		}
		await editor.eventually(
			() => page.getByTestId('node-credentials-select').locator('input').inputValue(),
			(value) => expect(value).toBe(CREDENTIAL_NAME),
		);
	});

	it('executes Incident → Get Many and shows the sandbox’s incidents in the output panel', async () => {
		const incidents = await sandbox.rest<{ incidents: Array<{ id: string }> }>(
			'/incidents?limit=5',
		);
		const limit = page.getByTestId('parameter-input-limit').locator('input');
		await limit.fill('5');
		await limit.press('Tab');
		await page.getByTestId('node-execute-button').click();
		const output = page.getByTestId('output-panel');
		await output
			.getByText(/5 items/)
			.first()
			.waitFor({ timeout: 30_000 });
		await output.getByTestId('radio-button-json').click();
		await editor.eventually(
			() => output.innerText(),
			(text) => expect(text).toContain('incident_number'),
		);
		// The same incidents the sandbox lists first.
		expect(await output.innerText()).toContain(incidents.incidents[0].id);
		await editor.shot('node-output');
	});
});
