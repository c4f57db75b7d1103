import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { defaultFromEmailField } from './fromEmailField';
import { regionFields } from './regionFields';
import { REST_HOSTS, baseUrlExpression } from '../nodes/shared/regions';

// Registered as pagerDutyRestApi, not pagerDutyApi: credential type names are global in n8n and that one is the built-in node's.
export class PagerDutyApi implements ICredentialType {
	name = 'pagerDutyRestApi';

	displayName = 'PagerDuty REST API';

	icon = {
		light: 'file:../icons/pagerduty.svg',
		dark: 'file:../icons/pagerduty.dark.svg',
	} as const;

	documentationUrl = 'https://support.pagerduty.com/main/docs/api-access-keys';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'A general access REST API key (Integrations → API Access Keys, account-level) or a user API token (My Profile → User Settings)',
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
	};
}
