import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { itemSuffix, sentences } from '../errors';
import { EVENTS_HOSTS } from '../regions';
import { createClient } from './client';

/** The credential that holds the routing key; the key itself is added to the body by n8n. */
export const EVENTS_CREDENTIAL_TYPE = 'pagerDutyEventsV2Api';

export type EventsEndpoint = '/v2/enqueue' | '/v2/change/enqueue';

/** PagerDuty's documented limit for one event, routing key included. */
export const MAX_EVENT_BYTES = 512 * 1024;
/** Room for `"routing_key":"<32 chars>",` that n8n adds after the size check. */
const ROUTING_KEY_ALLOWANCE_BYTES = 64;

interface EventsErrorBody {
	status?: string;
	message?: string;
	errors?: unknown;
}

/** PagerDuty's Events API v2 (alerts and change events), with the routing-key credential. */
const eventsApi = createClient({
	name: 'the PagerDuty Events API',
	credentialType: () => EVENTS_CREDENTIAL_TYPE,
	hosts: EVENTS_HOSTS,
	headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
	timeoutMs: 30_000,
	factsOf: (context, credentials) => {
		if (String(credentials.routingKeySecret ?? '').trim() === '') {
			throw new NodeOperationError(
				context.getNode(),
				'The PagerDuty Events credential has no routing key',
			);
		}
		return {};
	},
	// PagerDuty answers every accepted event with its status ("success") and message.
	unusable: (body) => (typeof body.status === 'string' ? undefined : 'it has no "status"'),
	errorFor: (context, _connection, request, answer) => {
		const body = (
			answer.body !== null && typeof answer.body === 'object' ? answer.body : {}
		) as EventsErrorBody;
		const details = Array.isArray(body.errors) ? body.errors.map((entry) => String(entry)) : [];
		const pagerDutyMessage =
			body.message ?? (typeof answer.body === 'string' ? answer.body : 'The request failed');
		const message = `PagerDuty Events API ${answer.status}: ${pagerDutyMessage}`;
		let hint: string | undefined;
		if (details.some((detail) => /routing key/i.test(detail))) {
			hint =
				'Check the routing key in the PagerDuty Events credential, and that its Service Region matches your account.';
		} else if (answer.status === 429) {
			hint =
				'PagerDuty accepts about 120 events per minute per routing key. Send fewer events at once or spread them out.';
		}
		const description = sentences(details.join('; '), hint);
		return new NodeApiError(
			context.getNode(),
			{
				message,
				request: `POST ${request.path}`,
				...(details.length > 0 && { pagerDutyErrors: details }),
			},
			{ message, description, httpCode: String(answer.status) },
		);
	},
});

/**
 * Sends one event to the Events API v2 and returns PagerDuty's answer (`status`, `message`,
 * `dedup_key`). 429s, and for events that carry a dedup key (so PagerDuty de-duplicates a repeat)
 * also 5xx and dropped connections, are retried with the REST transport's backoff and limits.
 */
export async function sendEvent(
	this: IExecuteFunctions,
	endpoint: EventsEndpoint,
	event: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const bytes = Buffer.byteLength(JSON.stringify(event), 'utf8') + ROUTING_KEY_ALLOWANCE_BYTES;
	if (bytes > MAX_EVENT_BYTES) {
		throw new NodeOperationError(
			this.getNode(),
			`The event is ${Math.ceil(bytes / 1024)} KB; PagerDuty accepts at most 512 KB per event${itemSuffix(itemIndex)}`,
			{
				itemIndex,
				description: 'Shorten the custom details, or send large data elsewhere and link to it.',
			},
		);
	}
	const answer = await eventsApi.send(this, {
		method: 'POST',
		path: endpoint,
		body: event,
		idempotent: typeof event.dedup_key === 'string' && event.dedup_key !== '',
	});
	const body = answer as IDataObject;
	return {
		status: body.status,
		message: body.message,
		...(body.dedup_key !== undefined && { dedup_key: body.dedup_key }),
	};
}
