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

/** GET /oauth/authorize as a browser would, without following the redirect: the URL it sends back to. */
export async function authorizeRedirect(
	baseUrl: string,
	params: Record<string, string>,
): Promise<URL> {
	const query = new URLSearchParams(params).toString();
	const response = await fetch(`${baseUrl}/oauth/authorize?${query}`, { redirect: 'manual' });
	const location = response.headers.get('location');
	if (response.status !== 302 || !location)
		throw new Error(`/oauth/authorize answered ${response.status}, not a redirect`);
	return new URL(location);
}

/** POST /oauth/token with form fields, optionally with HTTP Basic client credentials. */
export async function tokenRequest(
	baseUrl: string,
	fields: Record<string, string>,
	authorization?: string,
): Promise<{ status: number; body: Json }> {
	const response = await fetch(`${baseUrl}/oauth/token`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			...(authorization ? { Authorization: authorization } : {}),
		},
		body: new URLSearchParams(fields).toString(),
	});
	return { status: response.status, body: (await response.json()) as Json };
}
