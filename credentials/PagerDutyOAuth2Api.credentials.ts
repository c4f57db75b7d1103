import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { oauthEndpointFields } from './oauthFields';
import { regionFields } from './regionFields';
import { usedByNotice } from './usedByNotice';
import { REST_HOSTS } from '../nodes/shared/regions';

// Registered as pagerDutyRestOAuth2Api, not pagerDutyOAuth2Api: credential type names are global in n8n and that one is the built-in node's.
export class PagerDutyOAuth2Api implements ICredentialType {
	name = 'pagerDutyRestOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'PagerDuty Community OAuth2 API';

	icon = {
		light: 'file:../icons/pagerduty.svg',
		dark: 'file:../icons/pagerduty.dark.svg',
	} as const;

	documentationUrl = 'https://developer.pagerduty.com/docs/oauth-functionality';

	// n8n 2.41 ignores stored values of hidden OAuth fields and uses these defaults, so the endpoints are
	// expressions over the visible region fields rather than values a user (or an import) could set.
	properties: INodeProperties[] = [
		usedByNotice('PagerDuty and PagerDuty Trigger nodes', 'PagerDuty OAuth2 API'),
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		...regionFields(
			REST_HOSTS,
			'the PagerDuty REST API v2 and its OAuth endpoints (/oauth/authorize, /oauth/token)',
		),
		{
			displayName: 'Access Level',
			name: 'accessLevel',
			type: 'options',
			options: [
				{
					name: 'Read/Write',
					value: 'write',
					description: 'PagerDuty\'s "write" scope, which includes read',
				},
				{
					name: 'Read Only',
					value: 'read',
					description: 'PagerDuty\'s "read" scope: list and get operations only',
				},
			],
			default: 'write',
			description: 'The scope this app asks PagerDuty for when you connect',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '={{ $self["accessLevel"] === "read" ? "read" : "write" }}',
		},
		...oauthEndpointFields,
	];
}
