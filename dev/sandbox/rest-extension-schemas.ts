/** Extension schemas: the vendor types of legacy extensions (generic webhooks, Slack, …); read-only. */
import { findById, paginate, RestHandler } from './rest-common';
import { API_BASE, SandboxStore } from './store';

export interface ExtensionSchema {
	id: string;
	type: 'extension_schema';
	summary: string;
	self: string;
	html_url: null;
	label: string;
	key: string;
	description: string;
	send_types: string[];
	icon_url: string;
	logo_url: string;
	guide_url: string;
	url: string;
}

const ALL_SEND_TYPES = [
	'trigger',
	'acknowledge',
	'resolve',
	'delegate',
	'escalate',
	'unacknowledge',
	'assign',
	'custom',
];

const FIXTURES: Array<[label: string, key: string, sendTypes: string[]]> = [
	['Generic V2 Webhook', 'generic_v2_webhook', ALL_SEND_TYPES],
	['Generic Webhook', 'generic_webhook', ALL_SEND_TYPES.slice(0, 7)],
	['Slack', 'slack', ['trigger', 'acknowledge', 'resolve', 'escalate']],
	['ServiceNow (v7)', 'servicenow_v7', ['trigger', 'acknowledge', 'resolve', 'custom']],
];

/** An extension schema as PagerDuty answers it. */
export function extensionSchema(
	id: string,
	label: string,
	key: string,
	sendTypes: string[],
): ExtensionSchema {
	return {
		id,
		type: 'extension_schema',
		summary: label,
		self: `${API_BASE}/extension_schemas/${id}`,
		html_url: null,
		label,
		key,
		description: `Sends incident events to ${label}.`,
		send_types: sendTypes,
		icon_url: `https://pd-static-assets.pagerduty.com/extensions/${key}-icon.png`,
		logo_url: `https://pd-static-assets.pagerduty.com/extensions/${key}-logo.png`,
		guide_url: `https://support.pagerduty.com/docs/${key.replace(/_/g, '-')}`,
		url: '',
	};
}

export const extensionSchemas = (store: SandboxStore) =>
	store.collection<ExtensionSchema>('extensionSchemas', (seeded) =>
		FIXTURES.map(([label, key, sendTypes]) =>
			extensionSchema(seeded.ids.object(), label, key, sendTypes),
		),
	);

export const EXTENSION_SCHEMA_HANDLERS: Record<string, RestHandler> = {
	'GET /extension_schemas': (store, request) =>
		paginate(request, extensionSchemas(store), 'extension_schemas'),
	'GET /extension_schemas/{id}': (store, request) => {
		const schema = findById(extensionSchemas(store), request.match.pathParams.id);
		return { status: 200, body: { extension_schema: schema } };
	},
};
