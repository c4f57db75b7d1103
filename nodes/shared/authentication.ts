import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/**
 * The ways both nodes can sign REST requests: the `authentication` parameter's value, its name in
 * the editor and the credential type it selects. `apiToken` and `oAuth2` are the values n8n's
 * built-in PagerDuty node saves, so its workflows keep working.
 */
const AUTHENTICATIONS = [
	{ value: 'apiToken', name: 'API Token', credentialType: 'pagerDutyRestApi' },
	{ value: 'oAuth2', name: 'OAuth2', credentialType: 'pagerDutyRestOAuth2Api' },
	{ value: 'scopedOAuth2', name: 'Scoped OAuth2', credentialType: 'pagerDutyScopedOAuth2Api' },
] as const;

export type Authentication = (typeof AUTHENTICATIONS)[number]['value'];

export const SCOPED_OAUTH2: Authentication = 'scopedOAuth2';

/** Which REST credential both nodes use. */
export const authenticationField: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: AUTHENTICATIONS.map(({ name, value }) => ({ name, value })),
	default: 'apiToken',
};

/** A saved value this package does not know (or none) means an API token, the field's default. */
export const authenticationFrom = (value: unknown): Authentication =>
	AUTHENTICATIONS.find((authentication) => authentication.value === value)?.value ?? 'apiToken';

export const credentialTypeFor = (authentication: Authentication): string =>
	AUTHENTICATIONS.find(({ value }) => value === authentication)!.credentialType;

/** A node's credentials: the REST ones, one per Authentication value (`hide` added to each), then `others`. */
export const restCredentials = (
	hide?: Record<string, string[]>,
	...others: INodeCredentialDescription[]
): INodeCredentialDescription[] => [
	...AUTHENTICATIONS.map(({ value, credentialType }) => ({
		name: credentialType,
		required: true,
		displayOptions: { show: { authentication: [value] }, ...(hide && { hide }) },
	})),
	...others,
];
