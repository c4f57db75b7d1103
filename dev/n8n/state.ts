import { readFileSync } from 'fs';

import { N8nClient } from './n8n-client';
import { STATE_FILE } from './paths';

/** What global setup leaves for the test files. */
export interface E2eState {
	/** The n8n version the stack runs (2.41.x for the full suite, also 1.123.x for the smoke stage). */
	n8nVersion: string;
	n8nUrl: string;
	sandboxUrl: string;
	apiKey: string;
	cookie: string;
	userFolder: string;
	logFile: string;
	n8nPort: number;
	brokerPort: number;
	euProxyUrl: string;
	euCaFile: string;
}

export function readState(): E2eState {
	return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as E2eState;
}

export function clientFor(state: E2eState): N8nClient {
	const client = new N8nClient(state.n8nUrl, { n8nVersion: state.n8nVersion });
	client.apiKey = state.apiKey;
	client.cookie = state.cookie;
	return client;
}

/** The sandbox's test-only control API (/__sandbox/*) and plain REST calls with a token. */
export class SandboxClient {
	constructor(readonly url: string) {}

	async control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.url}/__sandbox/${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!response.ok)
			throw new Error(
				`${method} /__sandbox/${path} -> ${response.status}: ${await response.text()}`,
			);
		const text = await response.text();
		return (text === '' ? undefined : JSON.parse(text)) as T;
	}

	async requests(): Promise<SandboxRequest[]> {
		return (await this.control<{ requests: SandboxRequest[] }>('GET', 'requests')).requests;
	}

	clearRequests(): Promise<unknown> {
		return this.control('DELETE', 'requests');
	}

	/** A PagerDuty REST call with an API token; undefined for answers without a body (202, 204). */
	async rest<T = unknown>(
		path: string,
		token = 'sandbox-account-token',
		method = 'GET',
	): Promise<T> {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: {
				authorization: `Token token=${token}`,
				accept: 'application/vnd.pagerduty+json;version=2',
				'content-type': 'application/json',
			},
		});
		if (!response.ok)
			throw new Error(`${method} ${path} -> ${response.status}: ${await response.text()}`);
		const text = await response.text();
		return (text ? JSON.parse(text) : undefined) as T;
	}
}

export interface SandboxRequest {
	method: string;
	path: string;
	query: Array<[string, string]>;
	headers: Record<string, string | undefined>;
	body: unknown;
	status: number;
	operation?: string;
	at: number;
}
