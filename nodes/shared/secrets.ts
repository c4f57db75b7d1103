import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

/** A secret, and what stands in its place in any text the package shows. */
export interface Secret {
	value: string;
	shownAs: string;
}

/** Credential fields that hold secrets, by name; any other field whose name ends like a secret's is one too. */
const KNOWN_SECRET_FIELDS: Record<string, string> = {
	apiToken: '[API token]',
	routingKeySecret: '[routing key]',
	clientId: '[client ID]',
	clientSecret: '[client secret]',
	access_token: '[access token]',
	refresh_token: '[refresh token]',
	id_token: '[ID token]',
	signingSecret: '[signing secret]',
};
const SECRET_NAME = /(token|secret|password|passphrase|key)$/i;

/** Shorter values are too likely to be ordinary words to replace everywhere. */
const MIN_SECRET_LENGTH = 6;

/** The username and password of a URL (`https://user:password@host`), decoded and as written. */
function userinfoOf(url: string): string[] {
	const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@\s]*)@/i.exec(url.trim());
	if (!match) return [];
	return match[1].split(':').flatMap((part) => {
		try {
			return [part, decodeURIComponent(part)];
		} catch {
			return [part];
		}
	});
}

/**
 * Every secret a credential holds: its tokens, keys and client secrets (also inside the OAuth
 * token data), and the userinfo of its Base URL.
 */
export function secretsOfCredential(
	credentials: ICredentialDataDecryptedObject | IDataObject,
): Secret[] {
	const secrets: Secret[] = [];
	const collect = (object: IDataObject) => {
		for (const [name, value] of Object.entries(object)) {
			if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
				collect(value as IDataObject);
			} else if (
				typeof value === 'string' &&
				(name in KNOWN_SECRET_FIELDS || SECRET_NAME.test(name))
			) {
				secrets.push({ value, shownAs: KNOWN_SECRET_FIELDS[name] ?? '[secret]' });
			}
		}
	};
	collect(credentials);
	for (const url of [credentials.baseUrl, credentials.accessTokenUrl, credentials.authUrl]) {
		if (typeof url === 'string')
			secrets.push(...userinfoOf(url).map((value) => ({ value, shownAs: '[userinfo]' })));
	}
	return secrets;
}

/** Text that carries a secret whatever its value: the forms credentials travel in. */
const SECRET_PATTERNS: Array<[RegExp, string]> = [
	// `Authorization: Token token=…` and `Bearer …`, as an upstream echoing request headers shows them.
	[/(Token\s+token=)(?!"?\[)"?[^\s",;}]+"?/gi, '$1[API token]'],
	[/(Bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, '$1[access token]'],
	// Form fields and JSON properties: refresh_token=…, "client_secret": "…".
	[
		/((?:access|refresh|id)_token|client_secret|client_id|routing_key|secret|password)(["']?\s*[:=]\s*["']?)(?!\[)[^"'&\s,;}]+/gi,
		'$1$2[secret]',
	],
	// The userinfo of any URL.
	[/([a-z][a-z0-9+.-]*:\/\/)(?!\[userinfo\]@)[^/?#@\s"']*@/gi, '$1[userinfo]@'],
];

/** Replaces every known secret (as written and URL-encoded) and every secret-shaped text. */
export function scrub(text: string, secrets: Secret[]): string {
	let scrubbed = text;
	for (const { value, shownAs } of secrets) {
		if (value.length < MIN_SECRET_LENGTH) continue;
		for (const form of new Set([value, encodeURIComponent(value)])) {
			scrubbed = scrubbed.split(form).join(shownAs);
		}
	}
	for (const [pattern, replacement] of SECRET_PATTERNS) {
		scrubbed = scrubbed.replace(pattern, replacement);
	}
	return scrubbed;
}

/** Properties that belong to n8n, not to the error: the node (the workflow's own object). */
const NOT_SCRUBBED = new Set(['node']);

/**
 * Scrubs a value and, in place, everything an error holds: message, stack, description, context,
 * cause, the `errorResponse` n8n serialises, hidden (non-enumerable) properties included.
 */
export function scrubDeep<T>(value: T, secrets: Secret[], seen = new WeakSet<object>()): T {
	if (typeof value === 'string') return scrub(value, secrets) as T;
	if (value === null || typeof value !== 'object') return value;
	if (seen.has(value)) return value;
	seen.add(value);
	const record = value as Record<string, unknown>;
	for (const name of Object.getOwnPropertyNames(value)) {
		if (NOT_SCRUBBED.has(name)) continue;
		const descriptor = Object.getOwnPropertyDescriptor(value, name);
		// `stack` may be an accessor: it is read and written like the others.
		if (!descriptor || !(descriptor.writable || descriptor.set)) continue;
		const current = record[name];
		const scrubbed = scrubDeep(current, secrets, seen);
		if (scrubbed !== current) record[name] = scrubbed;
	}
	return value;
}
