import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { regionFields } from './regionFields';
import { usedByNotice } from './usedByNotice';
import { EVENTS_HOSTS, baseUrlExpression } from '../nodes/shared/regions';

/**
 * An Events API v2 integration key (routing key). It authenticates by travelling in the JSON body
 * (`routing_key`), so it lives here and never in a workflow's parameters. Registered as
 * pagerDutyEventsV2Api: the name says which API and version it serves (the class keeps the file's name).
 */
export class PagerDutyEventsApi implements ICredentialType {
	name = 'pagerDutyEventsV2Api';

	displayName = 'PagerDuty Community Events API';

	icon = {
		light: 'file:../icons/pagerduty.svg',
		dark: 'file:../icons/pagerduty.dark.svg',
	} as const;

	documentationUrl = 'https://developer.pagerduty.com/docs/events-api-v2-overview';

	properties: INodeProperties[] = [
		usedByNotice('PagerDuty Events node'),
		{
			displayName: 'Routing Key',
			// "Secret" in the name tells n8n's linters (and readers) that the value is one.
			name: 'routingKeySecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The Integration Key of an Events API V2 integration',
			// A hint shows under the field; a description only on hover.
			hint: 'The 32-character Integration Key of an "Events API V2" integration (PagerDuty: Services → your service → Integrations), or of an event ruleset',
		},
		...regionFields(EVENTS_HOSTS, 'the Events API v2 (/v2/enqueue and /v2/change/enqueue)'),
	];

	// PagerDuty reads the key from the event body, not from a header.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			body: {
				routing_key: '={{$credentials.routingKeySecret}}',
			},
		},
	};

	// The Events API has no read-only endpoint. The least intrusive honest check is an acknowledge
	// for a dedup key no alert uses: PagerDuty rejects an unknown or malformed key with 400 and
	// otherwise accepts the event and drops it, because there is no open alert to acknowledge.
	// Nothing is created or changed.
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(EVENTS_HOSTS, '$credentials'),
			url: '/v2/enqueue',
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: {
				event_action: 'acknowledge',
				dedup_key: 'credential-check-for-an-alert-that-does-not-exist',
			},
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message: 'PagerDuty rejected the routing key. Check the key and the Service Region.',
				},
			},
		],
	};
}
