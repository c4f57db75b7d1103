// Runs a webhook trigger node the way n8n does, with n8n-core's own contexts: the lifecycle
// methods (checkExists/create/delete) through `HookContext`, and deliveries through
// `WebhookContext` with an express-like request that carries the raw body Buffer (as n8n's body
// parser leaves it in `req.rawBody`) and a response that writes to a real HTTP response.
// One workflow object lives as long as the harness, so the node's static data (subscription id,
// signing secret, recent webhook ids) carries over between calls, as n8n persists it.
import { randomUUID } from 'crypto';
import type { IncomingHttpHeaders, ServerResponse } from 'http';
import {
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	HookContext,
	WebhookContext,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeCredentials,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, UnexpectedError, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { TestNodeTypes } from './node-types';

export type WebhookMethod = 'checkExists' | 'create' | 'delete';

export interface WebhookHarnessOptions {
	nodeType: INodeType;
	/** Full node type name, e.g. 'n8n-nodes-pagerduty.pagerDutyTrigger'. */
	typeName: string;
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	credentialTypes: ICredentialType[];
	/** n8n's public webhook base, e.g. http://127.0.0.1:5678/webhook (the test's receiving server). */
	webhookBaseUrl: string;
}

/** What n8n would do with a delivery: start an execution with `workflowData`, or not. */
export interface DeliveryOutcome {
	result: IWebhookResponseData;
	startsExecution: boolean;
	/** The items the execution would start with. */
	items: IDataObject[];
}

export interface IncomingDelivery {
	headers: IncomingHttpHeaders;
	/** The exact bytes received. */
	rawBody: Buffer;
	path?: string;
}

interface ExpressLikeResponse {
	statusCode: number;
	status(code: number): ExpressLikeResponse;
	json(body: unknown): ExpressLikeResponse;
	send(body?: unknown): ExpressLikeResponse;
	end(body?: unknown): ExpressLikeResponse;
	setHeader(name: string, value: string): ExpressLikeResponse;
	headersSent: boolean;
	/** Whether the whole answer was handed to the connection (node:http's own flag). */
	writableFinished: boolean;
	once(event: 'close' | 'finish', listener: () => void): ExpressLikeResponse;
}

/** The subset of express' Response that nodes use, writing to a real node:http response. */
export function expressResponse(res: ServerResponse): ExpressLikeResponse {
	const wrapper: ExpressLikeResponse = {
		statusCode: 200,
		get headersSent() {
			return res.headersSent;
		},
		get writableFinished() {
			return res.writableFinished;
		},
		once(event, listener) {
			res.once(event, listener);
			return wrapper;
		},
		status(code: number) {
			wrapper.statusCode = code;
			return wrapper;
		},
		setHeader(name: string, value: string) {
			res.setHeader(name, value);
			return wrapper;
		},
		json(body: unknown) {
			res.setHeader('content-type', 'application/json; charset=utf-8');
			return wrapper.end(JSON.stringify(body));
		},
		send(body?: unknown) {
			return wrapper.end(
				typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
			);
		},
		end(body?: unknown) {
			res.statusCode = wrapper.statusCode;
			res.end(body as string | Buffer | undefined);
			return wrapper;
		},
	};
	return wrapper;
}

function parseJson(raw: Buffer): IDataObject {
	try {
		return JSON.parse(raw.toString('utf8')) as IDataObject;
	} catch {
		return {};
	}
}

export class WebhookHarness {
	readonly workflow: Workflow;
	readonly node: INode;
	readonly credentialsHelper: TestCredentialsHelper;
	private readonly nodeType: INodeType;
	private readonly webhookBaseUrl: string;
	/**
	 * Acts out n8n failing to start the execution after the node accepted the delivery (e.g. its database timing
	 * out): the answer is a 500 instead of "Workflow was started".
	 */
	failExecutionStart = false;

	constructor(options: WebhookHarnessOptions) {
		this.nodeType = options.nodeType;
		this.webhookBaseUrl = options.webhookBaseUrl;
		this.credentialsHelper = new TestCredentialsHelper(
			options.credentialTypes,
			options.credentials,
		);
		const credentials: INodeCredentials = {};
		for (const type of Object.keys(options.credentials)) {
			const details = this.credentialsHelper.getNodeCredentialsDetails(type);
			if (details) credentials[type] = details;
		}
		const node: INode = {
			id: randomUUID(),
			name: options.nodeType.description.defaults.name ?? 'Trigger',
			type: options.typeName,
			typeVersion: 1,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: JSON.parse(JSON.stringify(options.parameters)) as INodeParameters,
			credentials,
		};
		this.workflow = new Workflow({
			id: `test-workflow-${randomUUID()}`,
			name: 'Trigger harness workflow',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: new TestNodeTypes({ [options.typeName]: options.nodeType }),
			settings: { executionOrder: 'v1' },
		});
		this.node = this.workflow.getNode(node.name) as INode;
	}

	/** The node's static data, as n8n would persist it. */
	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	private additionalData(): IWorkflowExecuteAdditionalData {
		const base = this.webhookBaseUrl.replace(/\/webhook\/?$/, '');
		const executionId = String(Date.now());
		const notAvailable = async (): Promise<never> => {
			throw new UnexpectedError('not available in the webhook harness');
		};
		return {
			credentialsHelper: this.credentialsHelper,
			hooks: new ExecutionLifecycleHooks('trigger', executionId, {
				id: this.workflow.id,
				name: 'Trigger harness workflow',
				active: true,
				isArchived: false,
				activeVersionId: null,
				createdAt: new Date(),
				updatedAt: new Date(),
				nodes: [this.node],
				connections: {},
			}),
			externalSecretsProxy: new ExternalSecretsProxy(),
			executeWorkflow: notAvailable,
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			startRunnerTask: notAvailable,
			logAiEvent: () => {},
			executionId,
			workflowId: this.workflow.id,
			userId: 'test-user',
			currentNodeExecutionIndex: 0,
			variables: {},
			restApiUrl: `${base}/rest`,
			instanceBaseUrl: `${base}/`,
			formBaseUrl: `${base}/form`,
			formWaitingBaseUrl: `${base}/form-waiting`,
			formTestBaseUrl: `${base}/form-test`,
			webhookBaseUrl: this.webhookBaseUrl,
			webhookWaitingBaseUrl: `${base}/webhook-waiting`,
			webhookTestBaseUrl: `${base}/webhook-test`,
			mcpBaseUrl: `${base}/mcp`,
			mcpTestBaseUrl: `${base}/mcp-test`,
		} as IWorkflowExecuteAdditionalData;
	}

	private webhookData(additionalData: IWorkflowExecuteAdditionalData): IWebhookData {
		const description = this.nodeType.description.webhooks?.[0];
		if (!description) throw new UnexpectedError('The node has no webhook');
		return {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: this.node.name,
			path: this.webhookUrl().replace(`${this.webhookBaseUrl}/`, ''),
			webhookDescription: description,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.node.webhookId,
		};
	}

	/** The production URL n8n gives this node's webhook (what the node registers at PagerDuty). */
	webhookUrl(): string {
		const description = this.nodeType.description.webhooks?.[0];
		const path = String(description?.path ?? '');
		return NodeHelpers.getNodeWebhookUrl(
			this.webhookBaseUrl,
			this.workflow.id,
			this.node,
			path,
			false,
		);
	}

	/** Runs webhookMethods.default[method] as n8n does on activation ('trigger') or deactivation. */
	async runHook(
		method: WebhookMethod,
		activation: WorkflowActivateMode = 'activate',
	): Promise<boolean | undefined> {
		const fn = this.nodeType.webhookMethods?.default?.[method];
		if (typeof fn !== 'function')
			throw new UnexpectedError(`The node has no webhookMethods.default.${method}`);
		const additionalData = this.additionalData();
		const context = new HookContext(
			this.workflow,
			this.node,
			additionalData,
			'trigger',
			activation,
			this.webhookData(additionalData),
		);
		return await fn.call(context);
	}

	/** What n8n's ActiveWorkflowManager does on activation: create unless checkExists finds it. */
	async activate(): Promise<void> {
		if (!(await this.runHook('checkExists'))) await this.runHook('create');
	}

	/**
	 * How deliveries run: 'webhook' for an active workflow, 'manual' while the editor listens for a
	 * test event (n8n runs the node's webhook() in the execution's mode).
	 */
	deliveryMode: WorkflowExecuteMode = 'webhook';

	/**
	 * Hands one received HTTP request to the node's webhook() through WebhookContext. If the node
	 * did not answer itself, answers like n8n's "respond immediately" mode.
	 */
	async deliver(delivery: IncomingDelivery, res: ServerResponse): Promise<DeliveryOutcome> {
		if (typeof this.nodeType.webhook !== 'function')
			throw new UnexpectedError('The node has no webhook()');
		const additionalData = this.additionalData();
		const response = expressResponse(res);
		additionalData.httpRequest = {
			headers: delivery.headers,
			rawBody: delivery.rawBody,
			body: parseJson(delivery.rawBody),
			query: {},
			params: {},
			method: 'POST',
			url: delivery.path ?? '/',
		} as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
		additionalData.httpResponse =
			response as unknown as IWorkflowExecuteAdditionalData['httpResponse'];
		const context = new WebhookContext(
			this.workflow,
			this.node,
			additionalData,
			this.deliveryMode,
			this.webhookData(additionalData),
			[],
			null,
		);
		const result = await this.nodeType.webhook.call(context);
		const startsExecution =
			result.workflowData !== undefined && result.workflowData.some((items) => items.length > 0);
		if (startsExecution && this.failExecutionStart && !res.writableEnded) {
			response.status(500).json({ message: 'There was a problem executing the workflow' });
		} else if (result.noWebhookResponse !== true && !res.writableEnded) {
			response
				.status(200)
				.json({ message: startsExecution ? 'Workflow was started' : 'Webhook call received' });
		}
		return {
			result,
			startsExecution,
			items: (result.workflowData?.[0] ?? []).map((item) => item.json),
		};
	}
}
