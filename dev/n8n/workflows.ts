import { randomUUID } from 'crypto';

import type { CredentialRef, WorkflowJson } from './n8n-client';

export const NODE_TYPE = 'n8n-nodes-pagerduty.pagerDuty';
export const TRIGGER_NODE_TYPE = 'n8n-nodes-pagerduty.pagerDutyTrigger';
export const API_CREDENTIAL_TYPE = 'pagerDutyRestApi';
export const OAUTH_CREDENTIAL_TYPE = 'pagerDutyRestOAuth2Api';
export const EVENTS_CREDENTIAL_TYPE = 'pagerDutyEventsV2Api';
export const SCOPED_OAUTH_CREDENTIAL_TYPE = 'pagerDutyScopedOAuth2Api';

/**
 * The credential type each kind of access uses: the node's Authentication values, and `events` for the Events
 * API's routing key (Authentication then stays at its default).
 */
const CREDENTIAL_TYPES = {
	apiToken: API_CREDENTIAL_TYPE,
	oAuth2: OAUTH_CREDENTIAL_TYPE,
	scopedOAuth2: SCOPED_OAUTH_CREDENTIAL_TYPE,
	events: EVENTS_CREDENTIAL_TYPE,
} as const;

type CredentialKind = keyof typeof CREDENTIAL_TYPES;

/** One kind of access and its credential, e.g. `{ apiToken: credential }`. */
export type Auth = { [K in CredentialKind]: Record<K, CredentialRef> }[CredentialKind];

/** The node's `authentication` parameter and `credentials` for `auth`. */
function credentialsOf(auth: Auth): {
	authentication: string;
	credentials: Record<string, CredentialRef>;
} {
	const [[kind, credential]] = Object.entries(auth) as Array<[CredentialKind, CredentialRef]>;
	return {
		authentication: kind === 'events' ? 'apiToken' : kind,
		credentials: { [CREDENTIAL_TYPES[kind]]: credential },
	};
}

/** A node of this package; `parameters` may hold expressions such as `={{ $json.body.incidentId }}`. */
export function pagerDutyNode(
	auth: Auth,
	parameters: Record<string, unknown>,
	extra: Record<string, unknown> = {},
): Record<string, unknown> {
	const { authentication, credentials } = credentialsOf(auth);
	return {
		id: randomUUID(),
		name: 'PagerDuty',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [440, 0],
		parameters: { authentication, ...parameters },
		credentials,
		...extra,
	};
}

/** A workflow that is only the PagerDuty Trigger; n8n serves it at `/webhook/<webhookId>/webhook`. */
export function triggerWorkflow(
	name: string,
	auth: Auth,
	parameters: Record<string, unknown>,
): { workflow: WorkflowJson; webhookId: string } {
	const { authentication, credentials } = credentialsOf(auth);
	const webhookId = randomUUID();
	const trigger = {
		id: randomUUID(),
		name: 'PagerDuty Trigger',
		type: TRIGGER_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: { authentication, ...parameters },
		credentials,
	};
	return { workflow: { name, nodes: [trigger], connections: {} }, webhookId };
}

/**
 * Webhook (POST /webhook/<path>, answers with every item of the last node) → [Split Out body.items] → PagerDuty.
 * With `splitItems`, the body's `items` array becomes one input item per element.
 */
export function webhookWorkflow(
	name: string,
	path: string,
	pagerDuty: Record<string, unknown>,
	options: { splitItems?: boolean } = {},
): WorkflowJson {
	const webhook = {
		id: randomUUID(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'lastNode',
			responseData: 'allEntries',
			options: {},
		},
	};
	const nodes: Array<Record<string, unknown>> = [webhook];
	const connections: Record<string, unknown> = {};
	let previous = 'Webhook';
	if (options.splitItems) {
		nodes.push({
			id: randomUUID(),
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [220, 0],
			parameters: { fieldToSplitOut: 'body.items', options: {} },
		});
		connections[previous] = { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] };
		previous = 'Split Out';
	}
	nodes.push(pagerDuty);
	connections[previous] = { main: [[{ node: String(pagerDuty.name), type: 'main', index: 0 }]] };
	return { name, nodes, connections };
}

/** The example workflow `npm run dev` imports: Manual Trigger → PagerDuty (Incident → Get Many, newest 10). */
export function exampleWorkflow(
	id: string,
	credential: CredentialRef,
): WorkflowJson & { id: string } {
	return {
		id,
		name: 'PagerDuty example: list recent incidents',
		nodes: [
			{
				id: randomUUID(),
				name: 'When clicking ‘Execute workflow’',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			pagerDutyNode(
				{ apiToken: credential },
				{
					resource: 'incident',
					operation: 'getAll',
					returnAll: false,
					limit: 10,
					options: { sortBy: 'created_at:desc' },
				},
				{ position: [260, 0] },
			),
		],
		connections: {
			'When clicking ‘Execute workflow’': {
				main: [[{ node: 'PagerDuty', type: 'main', index: 0 }]],
			},
		},
		settings: { executionOrder: 'v1' },
	};
}
