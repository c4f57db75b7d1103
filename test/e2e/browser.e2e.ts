/**
 * The editor in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core; never a downloaded browser):
 * log in, add this package's PagerDuty node from the node panel, create the API-token credential in the credential
 * modal (test succeeds against the sandbox), run Incident → Get Many and see the sandbox's incidents. Also checks
 * the OAuth2 and Scoped OAuth2 credential modals. Screenshots go to test/e2e/artifacts/ (the README's come from there).
 */
import { existsSync, mkdirSync } from 'fs';
import { join } from 'path';
import { Browser, chromium, Locator, Page, selectors } from 'playwright-core';

import { N8nClient, OWNER } from '../../dev/n8n/n8n-client';
import { ARTIFACTS_DIR } from '../../dev/n8n/paths';
import { clientFor, E2eState, readState, SandboxClient } from '../../dev/n8n/state';
import { API_CREDENTIAL_TYPE } from '../../dev/n8n/workflows';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CREDENTIAL_NAME = 'PagerDuty sandbox (made in the editor)';

let state: E2eState;
let n8n: N8nClient;
let sandbox: SandboxClient;
let browser: Browser;
let page: Page;

jest.setTimeout(180_000);

async function shot(name: string): Promise<void> {
	await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`) });
}

/** Polls `read` until `check` passes (or the timeout), then asserts once more so jest shows the last value. */
async function eventually<T>(
	read: () => Promise<T>,
	check: (value: T) => void,
	timeoutMs = 15_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		try {
			check(value);
			return;
		} catch (error) {
			if (Date.now() > deadline) throw error;
		}
		await page.waitForTimeout(200);
	}
}

/** Picks an option in one of n8n's selects or dropdown menus. */
async function choose(select: Locator, option: string): Promise<void> {
	await select.click();
	await page
		.locator('[role=menuitem]:visible, [role=option]:visible, .el-select-dropdown__item:visible')
		.filter({ hasText: option })
		.first()
		.click();
}

beforeAll(async () => {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
	}
	state = readState();
	n8n = clientFor(state);
	sandbox = new SandboxClient(state.sandboxUrl);
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	// One credential of the type already exists, so the node shows the credential dropdown (as for most users).
	await n8n.createCredential('PagerDuty sandbox (existing)', API_CREDENTIAL_TYPE, {
		apiToken: 'sandbox-account-token',
		region: 'custom',
		baseUrl: state.sandboxUrl,
	});
	selectors.setTestIdAttribute('data-test-id');
	browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.setDefaultTimeout(30_000);
});

afterAll(async () => {
	await browser?.close();
});

describe('the PagerDuty node in the n8n editor (headless Chromium)', () => {
	it('logs in', async () => {
		await page.goto(`${state.n8nUrl}/signin`);
		await page.getByLabel('Email').fill(OWNER.email);
		await page.getByLabel('Password').fill(OWNER.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL(/\/(home|workflows)/, { timeout: 60_000 });
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
		await eventually(
			() => items.count(),
			(count) => expect(count).toBeGreaterThanOrEqual(2),
		);
		// The community package's entry carries the package badge (a box icon); n8n's own does not.
		const community = items.filter({ has: page.locator('svg[data-icon="box"]') });
		const builtIn = items.filter({ hasText: 'Consume PagerDuty API' });
		expect(await community.count()).toBe(1);
		expect(await builtIn.count()).toBe(1);
		expect(await builtIn.locator('svg[data-icon="box"]').count()).toBe(0);
		await shot('node-panel-search');
		await community.click();
		await page.getByText('Via npm').waitFor();
		await shot('node-panel-actions');
		await page.getByText('Get many incidents', { exact: true }).first().click();
		await page.getByTestId('ndv').waitFor();
		await eventually(
			() => page.getByTestId('parameter-input-resource').locator('input').inputValue(),
			(value) => expect(value).toBe('Incident'),
		);
		await eventually(
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
		if (!(await mode.innerText()).includes('OAuth2')) await choose(mode, 'OAuth2');
		await eventually(
			() => modal.getByTestId('copy-input').innerText(),
			(value) => expect(value).toBe(`${state.n8nUrl}/rest/oauth2-credential/callback`),
		);
		await modal.getByTestId('parameter-input-clientId').waitFor();
		await modal.getByTestId('parameter-input-clientSecret').waitFor();
		await modal.getByTestId('parameter-input-region').waitFor();
		await shot('credential-modal-oauth2');
	});

	it('shows the Scoped OAuth2 credential: an app token needs no connecting, a user token gets n8n’s redirect URL', async () => {
		const modal = page.getByTestId('editCredential-modal');
		await choose(modal.getByTestId('credential-mode-dropdown-trigger'), 'Scoped OAuth2');
		await modal.getByTestId('parameter-input-subdomain').waitFor();
		await modal.getByTestId('parameter-input-scopePreset').waitFor();
		// App Token (the default): n8n treats client credentials as no "connect" flow, so no redirect URL.
		await eventually(
			() => modal.getByTestId('copy-input').count(),
			(count) => expect(count).toBe(0),
		);
		await shot('credential-modal-scoped-app-token');
		// The visible Token Type is the OAuth grant: n8n's editor reads it to offer the connect flow.
		await choose(modal.getByTestId('parameter-input-grantType'), 'User Token');
		await eventually(
			() => modal.getByTestId('copy-input').innerText(),
			(value) => expect(value).toBe(`${state.n8nUrl}/rest/oauth2-credential/callback`),
		);
		await shot('credential-modal-scoped-user-token');
	});

	it('creates the API-token credential in the modal; n8n’s test succeeds against the sandbox', async () => {
		const modal = page.getByTestId('editCredential-modal');
		await choose(modal.getByTestId('credential-mode-dropdown-trigger'), 'API Token');
		await modal
			.getByTestId('parameter-input-apiToken')
			.locator('input')
			.fill('sandbox-account-token');
		await choose(modal.getByTestId('parameter-input-region'), 'Custom Base URL');
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
		await shot('credential-modal-api-token-filled');
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
		await shot('credential-modal-api-token');
		await page.keyboard.press('Escape');
		await modal.waitFor({ state: 'hidden' });
		// Escape may close the node panel too: open it again from the canvas.
		if (!(await page.getByTestId('ndv').isVisible())) {
			await page.getByTestId('canvas-node').filter({ hasText: 'Get many incidents' }).dblclick();
			await page.getByTestId('ndv').waitFor();
		}
		await eventually(
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
		await eventually(
			() => output.innerText(),
			(text) => expect(text).toContain('incident_number'),
		);
		// The same incidents the sandbox lists first.
		expect(await output.innerText()).toContain(incidents.incidents[0].id);
		await shot('node-output');
	});
});
