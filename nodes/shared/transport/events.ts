import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { RateLimiter } from './rateLimiter';
import { eventsBaseUrl } from '../regions';
import { isRetryable } from './retry';
import type { Answer, TransportSettings } from './send';
import { readTransportSettings, sendWithRetries } from './send';

/** The credential that holds the routing key; the key itself is added to the body by n8n. */
export const EVENTS_CREDENTIAL_TYPE = 'pagerDutyEventsV2Api';

export type EventsEndpoint = '/v2/enqueue' | '/v2/change/enqueue';

/** PagerDuty's documented limit for one event, routing key included. */
export const MAX_EVENT_BYTES = 512 * 1024;
/** Room for `"routing_key":"<32 chars>",` that n8n adds after the size check. */
const ROUTING_KEY_ALLOWANCE_BYTES = 64;

const REQUEST_TIMEOUT_MS = 30_000;

interface EventsState {
	baseUrl: string;
	settings: TransportSettings;
	limiter: RateLimiter;
	/** Only used to scrub the key from any text that ends up in an error. */
	secret: string;
}

const states = new WeakMap<IExecuteFunctions, Promise<EventsState>>();

async function createState(context: IExecuteFunctions): Promise<EventsState> {
	const credentials = await context.getCredentials(EVENTS_CREDENTIAL_TYPE);
	const baseUrl = eventsBaseUrl({
		region: credentials.region as string | undefined,
		baseUrl: credentials.baseUrl as string | undefined,
	});
	if (!/^https?:\/\/[^/]+/.test(baseUrl)) {
		throw new NodeOperationError(
			context.getNode(),
			`The credential's Base URL "${baseUrl}" is not an http(s) URL`,
		);
	}
	const secret = String(credentials.routingKeySecret ?? '').trim();
	if (secret === '') {
		throw new NodeOperationError(
			context.getNode(),
			'The PagerDuty Events credential has no routing key',
		);
	}
	return { baseUrl, settings: readTransportSettings(context), limiter: new RateLimiter(), secret };
}

function stateOf(context: IExecuteFunctions): Promise<EventsState> {
	let state = states.get(context);
	if (!state) {
		state = createState(context);
		states.set(context, state);
	}
	return state;
}

/** Replaces the routing key wherever it might appear (PagerDuty echoing it, a proxy's error page). */
function scrub(text: string, secret: string): string {
	return secret.length > 0 ? text.split(secret).join('[routing key]') : text;
}

async function sendOnce(
	context: IExecuteFunctions,
	state: EventsState,
	endpoint: EventsEndpoint,
	event: IDataObject,
): Promise<Answer> {
	const options: IHttpRequestOptions = {
		method: 'POST',
		baseURL: state.baseUrl,
		url: endpoint,
		// A copy: the credential's `authenticate` adds routing_key to the body it is given.
		body: { ...event },
		json: true,
		timeout: REQUEST_TIMEOUT_MS,
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			EVENTS_CREDENTIAL_TYPE,
			options,
		)) as IN8nHttpFullResponse;
		return { status: response.statusCode, body: response.body, headers: response.headers };
	} catch (error) {
		if (context.getExecutionCancelSignal()?.aborted) {
			throw new NodeOperationError(context.getNode(), 'The execution was cancelled');
		}
		// Only the message is kept: the error object itself holds the request, routing key included.
		return { networkError: scrub(String((error as Error).message ?? error), state.secret) };
	}
}

interface EventsErrorBody {
	status?: string;
	message?: string;
	errors?: unknown;
}

function eventsError(
	context: IExecuteFunctions,
	state: EventsState,
	endpoint: EventsEndpoint,
	answer: Answer,
	attempts: number,
	retriesRanOut: boolean,
) {
	// Said only when retrying stopped for want of tries or time, as for REST requests.
	const gaveUp = retriesRanOut && attempts > 1 ? `Gave up after ${attempts} attempts.` : undefined;
	if (answer.status === undefined) {
		return new NodeOperationError(
			context.getNode(),
			`Could not reach the PagerDuty Events API at ${state.baseUrl}: ${answer.networkError ?? 'no answer'}`,
			{ description: gaveUp },
		);
	}
	const body = (
		answer.body !== null && typeof answer.body === 'object' ? answer.body : {}
	) as EventsErrorBody;
	const details = Array.isArray(body.errors)
		? body.errors.map((entry) => scrub(String(entry), state.secret))
		: [];
	const pagerDutyMessage = scrub(
		body.message ?? (typeof answer.body === 'string' ? answer.body : 'The request failed'),
		state.secret,
	);
	const message = `PagerDuty Events API ${answer.status}: ${pagerDutyMessage}`;
	let hint: string | undefined;
	if (details.some((detail) => /routing key/i.test(detail))) {
		hint =
			'Check the routing key in the PagerDuty Events credential, and that its Service Region matches your account.';
	} else if (answer.status === 429) {
		hint =
			'PagerDuty accepts about 120 events per minute per routing key. Send fewer events at once or spread them out.';
	}
	const description = [details.join('; '), hint, gaveUp].filter(Boolean).join('\n') || undefined;
	return new NodeApiError(
		context.getNode(),
		{
			message,
			request: `POST ${endpoint}`,
			...(details.length > 0 && { pagerDutyErrors: details }),
		},
		{ message, description, httpCode: String(answer.status) },
	);
}

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
			`The event is ${Math.ceil(bytes / 1024)} KB; PagerDuty accepts at most 512 KB per event (item ${itemIndex})`,
			{
				itemIndex,
				description: 'Shorten the custom details, or send large data elsewhere and link to it.',
			},
		);
	}
	const state = await stateOf(this);
	const idempotent = typeof event.dedup_key === 'string' && event.dedup_key !== '';
	const outcome = await sendWithRetries(() => sendOnce(this, state, endpoint, event), {
		limiter: state.limiter,
		maxRetryWaitMs: state.settings.maxRetryWaitMs,
		signal: this.getExecutionCancelSignal(),
		retryable: (answer) => isRetryable(answer.status, 'POST', idempotent),
	});
	if (!outcome.ok)
		throw eventsError(this, state, endpoint, outcome.answer, outcome.attempts, outcome.gaveUp);
	const body = (outcome.answer.body ?? {}) as IDataObject;
	return {
		status: body.status,
		message: body.message,
		...(body.dedup_key !== undefined && { dedup_key: body.dedup_key }),
	};
}
