import type { INodeProperties } from 'n8n-workflow';

import { oauthUrlExpression } from '../nodes/shared/regions';

/**
 * PagerDuty's OAuth endpoints and how n8n authenticates at them, for both OAuth2 credentials. n8n
 * 2.41 ignores stored values of these hidden fields and uses these defaults, so the endpoints are
 * expressions over the visible region fields rather than values a user (or an import) could set.
 */
export const oauthEndpointFields: INodeProperties[] = [
	{
		displayName: 'Authorization URL',
		name: 'authUrl',
		type: 'hidden',
		default: oauthUrlExpression('authorize'),
	},
	{
		displayName: 'Access Token URL',
		name: 'accessTokenUrl',
		type: 'hidden',
		default: oauthUrlExpression('token'),
	},
	{
		displayName: 'Auth URI Query Parameters',
		name: 'authQueryParameters',
		type: 'hidden',
		default: '',
	},
	{
		// PagerDuty's token endpoint takes client_id and client_secret as form fields.
		displayName: 'Authentication',
		name: 'authentication',
		type: 'hidden',
		default: 'body',
	},
];
