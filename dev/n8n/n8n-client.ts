/**
 * A small client for a running n8n: owner setup and login (internal REST), API key, public API, webhooks.
 * It drives n8n 2.x and 1.x (1.123); where their APIs differ, the method says how. The same in both (checked in
 * 1.123.81 and 2.41.1): owner setup, login with the browser-id header, /rest/api-keys/scopes, the public API's
 * workflows, activation and executions, /rest/credentials/test, /rest/executions/:id/stop, webhook paths and
 * /types/*.json (login needed in both). Elsewhere: n8n-process.ts (1.x mounts /rest after readiness) and the
 * trigger suite (2.x registers triggers shortly after activation returns).
 */

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Pat',
	lastName: 'Owner',
	password: 'Sandbox-Passw0rd!',
};

/** n8n 2.x binds the login cookie to a browser id sent as a header on every /rest call. */
const BROWSER_ID = 'n8n-nodes-pagerduty-e2e';

export interface CredentialRef {
	id: string;
	name: string;
}

export interface WorkflowJson {
	name: string;
	nodes: unknown[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

/** What n8n 2.41 recorded about publishing (activating) a workflow's triggers. */
export interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	triggers: Array<{ nodeId: string; status: string; errorMessage?: string | null }>;
}

export class N8nClient {
	cookie = '';
	apiKey = '';

	readonly n8nVersion: string;
	readonly webhookUrl: string;

	/**
	 * `n8nVersion`: the version of the n8n at `url` (default: a 2.x). `webhookUrl`: where production webhooks are
	 * served (queue mode: the webhook processor); default `url`.
	 */
	constructor(
		readonly url: string,
		options: { n8nVersion?: string; webhookUrl?: string } = {},
	) {
		this.n8nVersion = options.n8nVersion ?? '2';
		this.webhookUrl = options.webhookUrl ?? url;
	}

	private get isN8n1(): boolean {
		return this.n8nVersion.startsWith('1.');
	}

	private async call(
		method: string,
		path: string,
		body?: unknown,
		headers: Record<string, string> = {},
		base = this.url,
	): Promise<{ status: number; json: unknown; text: string; headers: Headers }> {
		const response = await fetch(`${base}${path}`, {
			method,
			headers: {
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...headers,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let json: unknown;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		return { status: response.status, json, text, headers: response.headers };
	}

	/** Internal REST API (`/rest/...`) with the owner's cookie. Throws unless 2xx; returns `data`. */
	async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const result = await this.call(method, `/rest${path}`, body, {
			cookie: this.cookie,
			'browser-id': BROWSER_ID,
		});
		if (result.status < 200 || result.status >= 300) {
			throw new Error(`${method} /rest${path} -> ${result.status}: ${result.text.slice(0, 500)}`);
		}
		return (result.json as { data: T }).data;
	}

	/** Public API (`/api/v1/...`) with the API key. Throws unless 2xx. */
	async api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const result = await this.call(method, `/api/v1${path}`, body, {
			'x-n8n-api-key': this.apiKey,
		});
		if (result.status < 200 || result.status >= 300) {
			throw new Error(`${method} /api/v1${path} -> ${result.status}: ${result.text.slice(0, 500)}`);
		}
		return result.json as T;
	}

	/** Creates the owner account on a fresh instance; false if an owner already exists. */
	async setupOwner(owner = OWNER): Promise<boolean> {
		const result = await this.call('POST', '/rest/owner/setup', owner, {
			'browser-id': BROWSER_ID,
		});
		if (result.status >= 200 && result.status < 300) return true;
		if (result.status === 400 && /already/i.test(result.text)) return false;
		throw new Error(`POST /rest/owner/setup -> ${result.status}: ${result.text.slice(0, 500)}`);
	}

	async login(owner = OWNER): Promise<void> {
		const result = await this.call(
			'POST',
			'/rest/login',
			{ emailOrLdapLoginId: owner.email, password: owner.password },
			{ 'browser-id': BROWSER_ID },
		);
		if (result.status !== 200)
			throw new Error(`POST /rest/login -> ${result.status}: ${result.text.slice(0, 300)}`);
		const setCookie = result.headers
			.getSetCookie()
			.find((cookie) => cookie.startsWith('n8n-auth='));
		if (!setCookie) throw new Error('login returned no n8n-auth cookie');
		this.cookie = setCookie.split(';')[0];
	}

	/** An API key with every scope the owner may have, for the public API. */
	async createApiKey(label = `e2e-${Date.now()}`): Promise<string> {
		const scopes = await this.rest<string[]>('GET', '/api-keys/scopes');
		const key = await this.rest<{ rawApiKey: string }>('POST', '/api-keys', {
			label,
			expiresAt: null,
			scopes,
		});
		this.apiKey = key.rawApiKey;
		return this.apiKey;
	}

	async createCredential(
		name: string,
		type: string,
		data: Record<string, unknown>,
	): Promise<CredentialRef> {
		// n8n 1.x's public API checks `data` against a JSON schema whose display conditions match when the field
		// they depend on is absent (JSON Schema's `if` holds vacuously), so it demands fields that are hidden
		// (allowedDomains, OAuth2's serverUrl, ...). The editor's own route has no such check: use it there.
		const created = this.isN8n1
			? await this.rest<{ id: string; name: string }>('POST', '/credentials', { name, type, data })
			: await this.api<{ id: string; name: string }>('POST', '/credentials', { name, type, data });
		return { id: created.id, name: created.name };
	}

	/** Creates and activates a workflow; returns its id. */
	async createActiveWorkflow(workflow: WorkflowJson): Promise<string> {
		const created = await this.api<{ id: string }>('POST', '/workflows', {
			settings: { executionOrder: 'v1' },
			...workflow,
		});
		await this.api('POST', `/workflows/${created.id}/activate`);
		return created.id;
	}

	/**
	 * n8n 2.41 publishes (activates) a workflow in the background: the API answers at once, main then runs the
	 * triggers' checkExists/create from an outbox and records each trigger's outcome. This waits for that outcome.
	 * n8n 1.x activates synchronously: there is nothing to wait for (undefined).
	 */
	async publicationOutcome(
		workflowId: string,
		timeoutMs = 60_000,
	): Promise<PublicationStatus | undefined> {
		if (this.isN8n1) return undefined;
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const status = await this.rest<PublicationStatus>(
				'GET',
				`/workflows/${workflowId}/publication-status`,
			);
			if (!['in_progress', 'not_published'].includes(status.status) || Date.now() > deadline)
				return status;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	async deactivateWorkflow(id: string): Promise<void> {
		await this.api('POST', `/workflows/${id}/deactivate`);
	}

	/** Executions of a workflow, newest first (public API; `status` e.g. 'running'). */
	async executions(
		workflowId: string,
		status?: string,
	): Promise<Array<{ id: string; status: string; stoppedAt: string | null }>> {
		const query = `workflowId=${workflowId}${status ? `&status=${status}` : ''}`;
		return (await this.api<{ data: [] }>('GET', `/executions?${query}`)).data;
	}

	/** Stops a running execution as the editor's Stop button does (internal REST, same route in 1.x and 2.x). */
	async stopExecution(id: string): Promise<{ status: string }> {
		return await this.rest('POST', `/executions/${id}/stop`);
	}

	/**
	 * Calls a production webhook and returns the status and JSON it answered. A webhook can 404 for a moment
	 * after activation returned, so 404 is retried for up to 10 s.
	 */
	async webhook(
		path: string,
		body: unknown = {},
	): Promise<{ status: number; json: unknown; text: string }> {
		const deadline = Date.now() + 10_000;
		for (;;) {
			const result = await this.call('POST', `/webhook/${path}`, body, {}, this.webhookUrl);
			if (result.status !== 404 || Date.now() > deadline) return result;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	/**
	 * Connects an OAuth2 credential as a user's browser would ("Connect my account"), without one:
	 * asks n8n for the authorization URL, lets the provider (the sandbox, which authorizes at once)
	 * redirect back, and calls n8n's callback with the login and OAuth cookies. Returns the
	 * authorization URL n8n built and the callback's answer.
	 */
	async connectOAuth2(
		credentialId: string,
	): Promise<{ authorizeUrl: URL; status: number; text: string }> {
		const auth = await this.call(
			'GET',
			`/rest/oauth2-credential/auth?id=${encodeURIComponent(credentialId)}`,
			undefined,
			{ cookie: this.cookie, 'browser-id': BROWSER_ID },
		);
		if (auth.status !== 200)
			throw new Error(
				`GET /rest/oauth2-credential/auth -> ${auth.status}: ${auth.text.slice(0, 300)}`,
			);
		const authorizeUrl = new URL((auth.json as { data: string }).data);
		const flowCookies = auth.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
		const provider = await fetch(authorizeUrl, { redirect: 'manual' });
		const callbackUrl = provider.headers.get('location');
		if (!callbackUrl)
			throw new Error(`the authorization URL answered ${provider.status} without a redirect`);
		const callback = await fetch(callbackUrl, {
			redirect: 'manual',
			headers: { cookie: [this.cookie, ...flowCookies].join('; '), 'browser-id': BROWSER_ID },
		});
		return { authorizeUrl, status: callback.status, text: await callback.text() };
	}

	/** Node and credential types n8n registered (needs the login cookie in 2.x). */
	async types<T = unknown>(kind: 'nodes' | 'credentials'): Promise<T> {
		const result = await this.call('GET', `/types/${kind}.json`, undefined, {
			cookie: this.cookie,
			'browser-id': BROWSER_ID,
		});
		if (result.status !== 200) throw new Error(`GET /types/${kind}.json -> ${result.status}`);
		return result.json as T;
	}
}
