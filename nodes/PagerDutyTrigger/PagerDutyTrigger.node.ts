import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { isSignedBy, RecentDeliveries } from './verification';
import { authenticationField, restCredentials } from '../shared/authentication';
import { toNodeError } from '../shared/errors';
import { listSearchFor } from '../shared/locators';
import { pagerDutyApiRequest, pagerDutyApiRequestAllItems } from '../shared/transport/rest';
import {
	PING_EVENT_TYPE,
	eventTypeOptions,
	expandEventTypes,
	scopeSelector,
} from '../shared/webhooks';

interface SubscriptionShape {
	events: string[];
	filter: IDataObject;
}

/** The account, service or team whose events start the workflow. */
const triggerScope = scopeSelector(
	{ scope: 'scope', service: 'serviceId', team: 'teamId' },
	'start the workflow',
);

/** The subscription this node's parameters ask for: event types and account/service/team scope. */
function wantedSubscription(context: IHookFunctions): SubscriptionShape {
	const events = expandEventTypes(context.getNodeParameter('events', []));
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Choose at least one event type to listen for');
	}
	return { events, filter: triggerScope.readFilter(context) };
}

const sameShape = (subscription: IDataObject, wanted: SubscriptionShape) => {
	const filter = (subscription.filter ?? {}) as IDataObject;
	const events = ((subscription.events as string[] | undefined) ?? []).slice().sort();
	return (
		filter.type === wanted.filter.type &&
		(filter.id ?? undefined) === wanted.filter.id &&
		JSON.stringify(events) === JSON.stringify(wanted.events.slice().sort())
	);
};

const urlOf = (subscription: IDataObject) =>
	(subscription.delivery_method as IDataObject | undefined)?.url;

const isNotFound = (error: unknown) => error instanceof NodeApiError && error.httpCode === '404';

const subscriptionPath = (id: string) => `/webhook_subscriptions/${encodeURIComponent(id)}`;

/** Answers the request itself (no execution) and tells n8n not to answer again. */
function answer(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

/** The request body exactly as received; null when n8n did not keep it. */
async function rawBodyOf(context: IWebhookFunctions): Promise<Buffer | null> {
	const request = context.getRequestObject();
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function')
		await request.readRawBody();
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : null;
}

const firstHeader = (value: string | string[] | undefined) =>
	Array.isArray(value) ? value[0] : value;

/** This process's memory of accepted deliveries, shared by every PagerDuty Trigger it runs. */
const recentDeliveries = new RecentDeliveries();

/** Left in static data by versions before 0.2 (per-delivery de-duplication); removed on activation. */
const LEGACY_RECENT_IDS_KEY = 'recentWebhookIds';

type SubscriptionStep = 'list' | 'read' | 'create' | 'update' | 'delete';

/**
 * Runs one request of the subscription's lifecycle; a failure says which step failed, so n8n's activation
 * error (the workflow's publication status, the editor's notice, the log) tells the user what happened.
 */
async function subscriptionStep<T>(
	context: IHookFunctions,
	step: SubscriptionStep,
	request: () => Promise<T>,
): Promise<T> {
	try {
		return await request();
	} catch (error) {
		const nodeError = toNodeError(context.getNode(), error as Error);
		const what =
			step === 'list' ? 'list the webhook subscriptions' : `${step} the webhook subscription`;
		nodeError.message = `PagerDuty Trigger could not ${what}: ${nodeError.message}`;
		nodeError.description = [nodeError.description, SUBSCRIPTION_HINTS[step]]
			.filter(Boolean)
			.join('\n');
		throw nodeError;
	}
}

const ACCESS_HINT =
	"Check the credential's region or Base URL, and that its token (or OAuth2 app) may manage webhook subscriptions (scope webhook_subscriptions.write).";
const SUBSCRIPTION_HINTS: Record<SubscriptionStep, string> = {
	list: ACCESS_HINT,
	read: ACCESS_HINT,
	create: `No subscription exists, so no events arrive. ${ACCESS_HINT}`,
	update: ACCESS_HINT,
	delete:
		'The subscription may still exist and keep sending events: delete it in PagerDuty (Integrations → Generic Webhooks (v3)), or activate the workflow again, which replaces it.',
};

export class PagerDutyTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PagerDuty Trigger',
		name: 'pagerDutyTrigger',
		icon: { light: 'file:../../icons/pagerduty.svg', dark: 'file:../../icons/pagerduty.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ ({ account: "Whole account", service: "One service", team: "One team" })[$parameter["scope"]] }}',
		// Written for the whole package: n8n's node panel folds PagerDuty and PagerDuty Trigger into one
		// entry and shows the trigger's description on it (triggers are not AI tools, so nothing else
		// reads it; the PagerDuty node's own description is its AI tool description).
		description:
			'Manage PagerDuty incidents, on-call, schedules and services, and start workflows on PagerDuty events',
		defaults: {
			name: 'PagerDuty Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: restCredentials(),
		hints: [
			{
				message:
					'PagerDuty\'s test event ("Send Test Event") starts this workflow only while you listen for a test event here. Turn on Options → Run on Test Ping to start it in production too.',
				type: 'info',
				location: 'ndv',
				whenToDisplay: 'always',
				displayCondition: '={{ !$parameter.options?.runOnPing }}',
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			authenticationField,
			...triggerScope.fields,
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: eventTypeOptions,
				required: true,
				default: [],
				description: 'The event types PagerDuty sends; "All Events" subscribes to all of them',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Headers',
						name: 'includeHeaders',
						type: 'boolean',
						default: false,
						description:
							'Whether to add the request\'s HTTP headers to the output (under "headers")',
					},
					{
						displayName: 'Max Event Age (Minutes)',
						name: 'maxEventAgeMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description:
							'Refuse events that occurred longer ago than this (by their signed occurred_at), so a recorded delivery cannot be replayed later. PagerDuty retries a failed delivery for up to 48 hours, and those retries are refused too. 0: no limit.',
					},
					{
						displayName: 'Only Event Types',
						name: 'onlyEventTypes',
						type: 'multiOptions',
						options: eventTypeOptions.slice(1),
						default: [],
						description:
							'Start the workflow only for these event types; other verified deliveries are acknowledged and dropped. All subscribed types when empty.',
					},
					{
						displayName: 'Run on Test Ping',
						name: 'runOnPing',
						type: 'boolean',
						default: false,
						description:
							'Whether PagerDuty\'s test event (pagey.ping, sent by "Send Test Event") starts the active workflow. It always starts a run while you listen for a test event here, and it is always answered.',
					},
				],
			},
		],
	};

	methods = { listSearch: listSearchFor('service', 'team') };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const webhookUrl = this.getNodeWebhookUrl('default');
				const staticData = this.getWorkflowStaticData('node');
				const wanted = wantedSubscription(this);
				const knownId = staticData.subscriptionId as string | undefined;
				delete staticData[LEGACY_RECENT_IDS_KEY];

				if (knownId && typeof staticData.signingSecret === 'string') {
					const subscription = await subscriptionStep(this, 'read', async () => {
						try {
							return (
								await pagerDutyApiRequest.call(this, {
									method: 'GET',
									path: subscriptionPath(knownId),
								})
							).webhook_subscription as IDataObject;
						} catch (error) {
							if (!isNotFound(error)) throw toNodeError(this.getNode(), error as Error);
							this.logger.info(
								`PagerDuty webhook subscription ${knownId} no longer exists; a new one will be created`,
							);
							return undefined;
						}
					});
					if (subscription && urlOf(subscription) === webhookUrl) {
						if (!sameShape(subscription, wanted)) {
							// Event types or scope were edited: PUT may change both (not the URL).
							await subscriptionStep(this, 'update', async () =>
								pagerDutyApiRequest.call(this, {
									method: 'PUT',
									path: subscriptionPath(knownId),
									body: { webhook_subscription: { events: wanted.events, filter: wanted.filter } },
								}),
							);
						}
						return true;
					}
				}
				delete staticData.subscriptionId;
				delete staticData.signingSecret;

				// A subscription for this URL whose secret is gone (PagerDuty shows it only once) could
				// never be verified: remove it, so the new one does not deliver everything twice.
				const all = await subscriptionStep(this, 'list', async () =>
					pagerDutyApiRequestAllItems.call(
						this,
						{ method: 'GET', path: '/webhook_subscriptions' },
						'webhook_subscriptions',
					),
				);
				for (const stale of all.filter((subscription) => urlOf(subscription) === webhookUrl)) {
					this.logger.info(
						`Replacing PagerDuty webhook subscription ${String(stale.id)}: its signing secret is not known`,
					);
					await subscriptionStep(this, 'delete', async () =>
						pagerDutyApiRequest.call(this, {
							method: 'DELETE',
							path: subscriptionPath(String(stale.id)),
						}),
					);
				}
				return false;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const webhookUrl = this.getNodeWebhookUrl('default') as string;
				const wanted = wantedSubscription(this);
				const workflow = this.getWorkflow();
				const response = await subscriptionStep(this, 'create', async () =>
					pagerDutyApiRequest.call(this, {
						method: 'POST',
						path: '/webhook_subscriptions',
						body: {
							webhook_subscription: {
								type: 'webhook_subscription',
								delivery_method: { type: 'http_delivery_method', url: webhookUrl },
								description: `n8n workflow "${workflow.name ?? ''}" (${workflow.id ?? ''})`.slice(
									0,
									255,
								),
								events: wanted.events,
								filter: wanted.filter,
								active: true,
							},
						},
					}),
				);
				const subscription = (response.webhook_subscription ?? {}) as IDataObject;
				const secret = (subscription.delivery_method as IDataObject | undefined)?.secret;
				if (typeof subscription.id !== 'string') {
					throw new NodeOperationError(
						this.getNode(),
						'PagerDuty Trigger could not create the webhook subscription: PagerDuty did not return it',
					);
				}
				if (typeof secret !== 'string' || secret === '') {
					const id = subscription.id;
					await subscriptionStep(this, 'delete', async () =>
						pagerDutyApiRequest.call(this, { method: 'DELETE', path: subscriptionPath(id) }),
					);
					throw new NodeOperationError(
						this.getNode(),
						'PagerDuty Trigger could not create the webhook subscription: PagerDuty did not return its signing secret, so deliveries could not be verified',
					);
				}
				const staticData = this.getWorkflowStaticData('node');
				staticData.subscriptionId = subscription.id;
				// Kept only here: PagerDuty never shows it again, and it is never output.
				staticData.signingSecret = secret;
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				const id = staticData.subscriptionId as string | undefined;
				if (id) {
					await subscriptionStep(this, 'delete', async () => {
						try {
							await pagerDutyApiRequest.call(this, {
								method: 'DELETE',
								path: subscriptionPath(id),
							});
						} catch (error) {
							if (!isNotFound(error)) throw toNodeError(this.getNode(), error as Error);
							this.logger.info(`PagerDuty webhook subscription ${id} was already deleted`);
						}
					});
				}
				delete staticData.subscriptionId;
				delete staticData.signingSecret;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const staticData = this.getWorkflowStaticData('node');
		const secret = staticData.signingSecret;
		if (typeof secret !== 'string' || secret === '') {
			this.logger.warn(
				'PagerDuty delivery refused: this trigger holds no signing secret (re-activate the workflow)',
			);
			return answer(this, 401, 'Unauthorized');
		}
		const rawBody = await rawBodyOf(this);
		const headers = this.getHeaderData();
		if (rawBody === null || !isSignedBy(secret, rawBody, headers['x-pagerduty-signature'])) {
			return answer(this, 401, 'Unauthorized');
		}

		let event: IDataObject;
		try {
			event = ((JSON.parse(rawBody.toString('utf8')) as IDataObject).event ?? {}) as IDataObject;
		} catch {
			return answer(this, 400, 'The body is not JSON');
		}

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const now = Date.now();
		const maxAgeMinutes = Number(options.maxEventAgeMinutes ?? 0);
		if (maxAgeMinutes > 0) {
			// occurred_at is signed with the body: an old event re-sent later is refused, however it is labelled.
			const occurredAt = Date.parse(String(event.occurred_at ?? ''));
			if (Number.isNaN(occurredAt) || now - occurredAt > maxAgeMinutes * 60_000) {
				this.logger.warn(
					`PagerDuty delivery ignored: event ${String(event.id ?? '(no id)')} occurred at ${String(event.occurred_at ?? '(no time)')}, more than ${maxAgeMinutes} min ago`,
				);
				// 2xx, so PagerDuty stops retrying it.
				return answer(this, 200, 'Event too old');
			}
		}

		const workflowId = this.getWorkflow().id ?? '';
		const keys = [
			['delivery', firstHeader(headers['x-webhook-id'])],
			['event', event.id],
		]
			.filter(([, key]) => typeof key === 'string' && key !== '')
			.map(([kind, key]) => `${String(kind)}:${String(key)}`);
		const trigger = `${workflowId}/${this.getNode().id}`;
		if (recentDeliveries.isRepeat(trigger, keys, now)) {
			// PagerDuty retries until it sees a 2xx: acknowledge the repeat, run nothing.
			return answer(this, 200, 'Already received');
		}
		// Should n8n fail to start the execution (it answers PagerDuty with an error, or the connection drops),
		// PagerDuty sends the delivery again: forget it, so that retry runs.
		const response = this.getResponseObject();
		response.once('close', () => {
			if (!response.writableFinished || response.statusCode >= 300)
				recentDeliveries.forget(trigger, keys);
		});

		const eventType = String(event.event_type ?? '');
		// While the editor listens for a test event, PagerDuty's "Send Test Event" shows its output.
		const runPing = options.runOnPing === true || this.getMode() === 'manual';
		if (eventType === PING_EVENT_TYPE && !runPing) return answer(this, 200, 'pong');
		const only = (options.onlyEventTypes as string[] | undefined) ?? [];
		if (eventType !== PING_EVENT_TYPE && only.length > 0 && !only.includes(eventType)) {
			return answer(this, 200, 'Event type not selected');
		}

		const output: IDataObject = {
			id: event.id,
			event_type: event.event_type,
			resource_type: event.resource_type,
			occurred_at: event.occurred_at,
			agent: event.agent ?? null,
			client: event.client ?? null,
			data: event.data ?? {},
		};
		if (options.includeHeaders === true) output.headers = headers as IDataObject;
		return { workflowData: [this.helpers.returnJsonArray(output)] };
	}
}
