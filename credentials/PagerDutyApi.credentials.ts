import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { defaultFromEmailField } from './fromEmailField';
import { regionFields } from './regionFields';
import { usedByNotice } from './usedByNotice';
import { REST_HOSTS, baseUrlExpression } from '../nodes/shared/regions';

// Registered as pagerDutyRestApi, not pagerDutyApi: credential type names are global in n8n and that one is the built-in node's.
export class PagerDutyApi implements ICredentialType {
	name = 'pagerDutyRestApi';

	displayName = 'PagerDuty Community Token API';

	icon = {
		light: 'file:../icons/pagerduty.svg',
		dark: 'file:../icons/pagerduty.dark.svg',
	} as const;

	documentationUrl = 'https://support.pagerduty.com/main/docs/api-access-keys';

	properties: INodeProperties[] = [
		usedByNotice('PagerDuty and PagerDuty Trigger nodes', 'PagerDuty API'),
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'A PagerDuty REST API key or user API token',
			// A hint shows under the field; a description only on hover.
			hint: 'An account-level key (PagerDuty: Integrations → API Access Keys) or a user API token (My Profile → User Settings → Create API User Token)',
		},
		...regionFields(REST_HOSTS, 'the PagerDuty REST API v2'),
		defaultFromEmailField,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Token token={{$credentials.apiToken}}',
			},
		},
	};

	// /abilities answers for account-level and user-level keys alike (unlike /users/me).
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(REST_HOSTS, '$credentials'),
			url: '/abilities',
			headers: {
				Accept: 'application/vnd.pagerduty+json;version=2',
				'Content-Type': 'application/json',
			},
		},
		// n8n shows only "Unauthorized" otherwise. The two real causes; key and token kinds are not one.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'PagerDuty does not know this token in the chosen Service Region. Check that the token is complete and not revoked, and that Service Region matches your account: EU accounts (app.eu.pagerduty.com) need EU, others US. Account-level API keys and user API tokens both work here.',
				},
			},
		],
	};
}
