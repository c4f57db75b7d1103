import type { INodeProperties } from 'n8n-workflow';

/** The `authentication` parameter's values, as in n8n's built-in PagerDuty node. */
export type Authentication = 'apiToken' | 'oAuth2';

/** Which REST credential both nodes use; the values are the ones n8n's built-in PagerDuty node saves. */
export const authenticationField: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Token', value: 'apiToken' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
	default: 'apiToken',
};

export const credentialTypeFor = (authentication: Authentication) =>
	authentication === 'oAuth2' ? 'pagerDutyRestOAuth2Api' : 'pagerDutyRestApi';
