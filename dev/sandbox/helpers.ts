/** Small fetch helpers shared by the sandbox tests. */
import { DEFAULT_ACCOUNT_TOKEN } from './server';

export const PD_ACCEPT = 'application/vnd.pagerduty+json;version=2';
export const ADMIN_EMAIL = 'jane.doe@example.com';

export function pdHeaders(
	overrides: Record<string, string | undefined> = {},
): Record<string, string> {
	const headers: Record<string, string | undefined> = {
		Accept: PD_ACCEPT,
		'Content-Type': 'application/json',
		Authorization: `Token token=${DEFAULT_ACCOUNT_TOKEN}`,
		...overrides,
	};
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = value;
	return out;
}

// Responses are asserted structurally in tests; a loose type keeps those assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface JsonResponse<T = Json> {
	status: number;
	headers: Headers;
	body: T;
}

export async function call<T = Json>(
	baseUrl: string,
	method: string,
	path: string,
	options: { headers?: Record<string, string | undefined>; body?: unknown } = {},
): Promise<JsonResponse<T>> {
	const response = await fetch(`${baseUrl}${path}`, {
		method,
		headers: pdHeaders(options.headers),
		body: options.body === undefined ? undefined : JSON.stringify(options.body),
	});
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body: text ? JSON.parse(text) : undefined,
	};
}
