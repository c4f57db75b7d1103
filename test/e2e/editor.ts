/**
 * The n8n editor in headless Chromium for the browser suites: Debian's /usr/bin/chromium driven by
 * playwright-core (never a downloaded browser), n8n's `data-test-id` selectors, login, polling and
 * n8n's selects.
 */
import { existsSync, mkdirSync } from 'fs';
import { join } from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { chromium, selectors } from 'playwright-core';

import { OWNER } from '../../dev/n8n/n8n-client';
import { ARTIFACTS_DIR } from '../../dev/n8n/paths';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One browser page on n8n's editor, with the helpers the browser suites share. */
export class Editor {
	private constructor(
		private readonly browser: Browser,
		readonly page: Page,
	) {}

	/** A browser with one 1440×900 page; every `getByTestId` reads n8n's data-test-id. */
	static async launch(): Promise<Editor> {
		if (!existsSync(CHROMIUM)) {
			throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
		}
		mkdirSync(ARTIFACTS_DIR, { recursive: true });
		selectors.setTestIdAttribute('data-test-id');
		const browser = await chromium.launch({
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
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		page.setDefaultTimeout(30_000);
		// Leaving an unsaved workflow asks first; the suites move on.
		page.on('dialog', (dialog) => void dialog.accept());
		return new Editor(browser, page);
	}

	async close(): Promise<void> {
		await this.browser.close();
	}

	/** Signs in as the owner global setup created. */
	async logIn(n8nUrl: string): Promise<void> {
		await this.page.goto(`${n8nUrl}/signin`);
		await this.page.getByLabel('Email').fill(OWNER.email);
		await this.page.getByLabel('Password').fill(OWNER.password);
		await this.page.getByRole('button', { name: 'Sign in' }).click();
		await this.page.waitForURL(/\/(home|workflows)/, { timeout: 60_000 });
	}

	/** A screenshot into test/e2e/artifacts/ (the README's come from there). */
	async shot(name: string): Promise<void> {
		await this.page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`) });
	}

	/** Polls `read` until `check` passes (or the timeout), then asserts once more so jest shows the last value. */
	async eventually<T>(
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
			await this.page.waitForTimeout(200);
		}
	}

	/** The options of the select or dropdown menu open now. */
	openOptions(): Locator {
		return this.page.locator(
			'[role=menuitem]:visible, [role=option]:visible, .el-select-dropdown__item:visible',
		);
	}

	/** Picks an option in one of n8n's selects or dropdown menus. */
	async choose(select: Locator, option: string | RegExp): Promise<void> {
		await select.click();
		await this.openOptions().filter({ hasText: option }).first().click();
		await this.selectClosed();
	}

	/** Waits until no select's options are open (they close with an animation). */
	async selectClosed(): Promise<void> {
		await this.selectOptions().first().waitFor({ state: 'hidden' });
	}

	/** The options of the parameter select open now (not menus such as the sidebar's). */
	selectOptions(): Locator {
		return this.page.locator('.el-select-dropdown__item:visible');
	}

	/** The names of the select's options open now (an option's text is its name, then its description). */
	async optionNames(): Promise<string[]> {
		return (await this.selectOptions().allInnerTexts()).map((text) => text.split('\n')[0].trim());
	}

	/** Picks the option named exactly `name` (not one whose name or description merely contains it). */
	async pick(select: Locator, name: string): Promise<void> {
		await this.selectClosed();
		await select.click();
		await this.selectOptions().first().waitFor();
		const names = await this.optionNames();
		const index = names.indexOf(name);
		if (index < 0) throw new Error(`No option "${name}" among: ${names.join(', ')}`);
		await this.selectOptions().nth(index).click();
		await this.selectClosed();
	}
}

/**
 * Adds a node from the panel of a new workflow: searches `search`, opens the entry whose text has
 * `entry` (its Node details) and clicks the action named `action`.
 */
export async function addFromNodePanel(
	editor: Editor,
	n8nUrl: string,
	entry: string,
	action: string,
	search = 'PagerDuty',
): Promise<void> {
	const { page } = editor;
	await page.goto(`${n8nUrl}/workflow/new`);
	await page.getByTestId('canvas-add-button').click();
	await page.getByTestId('node-creator-search-bar').fill(search);
	await page.getByTestId('item-iterator-item').filter({ hasText: entry }).first().click();
	await page.getByText('Via npm').waitFor();
	const exactly = new RegExp(`^${action.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
	const actionItem = page
		.getByTestId('node-creator-item-name')
		.filter({ hasText: exactly })
		.first();
	// Node details list the trigger events first; the actions may be folded under "Actions (N)".
	if (!(await actionItem.isVisible())) await page.getByText(/^Actions \(\d+\)$/).click();
	await actionItem.click();
	await page.getByTestId('ndv').waitFor();
}
