// Runs a node through n8n's real execution engine (n8n-core `WorkflowExecute`) in a two-node
// workflow (test input → node under test), with credentials served by TestCredentialsHelper.
// Everything between the node and the HTTP socket is n8n's own code: parameter defaults and
// expression resolution, `getCredentials`, `httpRequestWithAuthentication`, OAuth2 signing and
// refresh, error wrapping, `continueOnFail`, paired items.
import { randomUUID } from 'crypto';
import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	LoadOptionsContext,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteData,
	IExecuteFunctions,
	INode,
	INodeCredentials,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import {
	ExecutionBaseError,
	NodeConnectionTypes,
	UnexpectedError,
	Workflow,
	createRunExecutionData,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { endpointCheck } from './endpoints';
import { INPUT_NODE_TYPE, TestNodeTypes, createInputNodeType, latestVersion } from './node-types';

export {
	OAUTH2_BASE_CREDENTIAL,
	OAUTH_PINNED_FIELDS,
	TestCredentialsHelper,
} from './credentials-helper';
export { watchEndpoints } from './endpoints';
export { INPUT_NODE_TYPE, TestNodeTypes, createInputNodeType } from './node-types';

export const DEFAULT_TYPE_NAME = 'n8n-nodes-pagerduty.pagerDuty';

export interface RunNodeOptions {
	nodeType: INodeType;
	/** Full node type name as n8n registers it; default 'n8n-nodes-pagerduty.pagerDuty'. */
	typeName?: string;
	/** The node's parameters as saved in a workflow; missing ones take their defaults, as in n8n. */
	parameters: INodeParameters;
	/** Plaintext credential data by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Stored credential IDs by type name; default a new ID per run (see TestCredentialsHelper). */
	credentialIds?: Record<string, string>;
	credentialTypes: ICredentialType[];
	/** Input items (json); default [{}]. */
	items?: IDataObject[];
	/** Node setting "On Error: Continue" (onError: 'continueRegularOutput'). */
	continueOnFail?: boolean;
	/** Stops the execution once this resolves, as n8n's Stop button does (aborts the cancel signal). */
	cancelWhen?: () => Promise<unknown>;
	/**
	 * The workflow's time zone (its settings' Timezone). Default UTC, so a test does not depend on
	 * n8n's default (America/New_York) unless it says so.
	 */
	timezone?: string;
}

export interface RunNodeResult {
	/** Output of the node under test (main[0]); [] if it errored. */
	items: INodeExecutionData[];
	/** The node's execution error, if any. */
	error?: Error & { context?: IDataObject; description?: string; httpCode?: string };
	/** The credential store after the run (OAuth refresh writes back here). */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Everything n8n keeps of the run (the run data saved with an execution). */
	run: IRun;
	/** What the node threw, as thrown (run data holds a copy), if it threw. */
	thrown?: unknown;
}

export interface CallLoadOptionsOptions {
	nodeType: INodeType;
	typeName?: string;
	/** The node's current parameters (as the editor sends them); defaults are filled in. */
	parameters: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	credentialTypes: ICredentialType[];
	/** Name of the function in `methods.loadOptions` / `methods.listSearch`. */
	method: string;
	kind: 'loadOptions' | 'listSearch';
	/** Extra arguments, e.g. `[filter, paginationToken]` for listSearch. */
	args?: unknown[];
	/** Path of the parameter being loaded (for `&sibling` lookups); found from the description if omitted. */
	path?: string;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

const INPUT_NODE_NAME = 'Test Input';
const BASE_URL = 'http://localhost:5678';

/** Mode names mirror n8n: the editor's "Execute step" is 'manual', option/credential calls 'internal'. */
function createAdditionalData(
	credentialsHelper: TestCredentialsHelper,
	workflowData: IWorkflowBase,
	executionId: string,
): IWorkflowExecuteAdditionalData {
	const notAvailable = (what: string) => async (): Promise<never> => {
		throw new UnexpectedError(`${what} is not available in the test harness`);
	};
	return {
		credentialsHelper,
		hooks: new ExecutionLifecycleHooks('manual', executionId, workflowData),
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: notAvailable('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: notAvailable('startRunnerTask'),
		logAiEvent: () => {},
		executionId,
		workflowId: workflowData.id,
		userId: 'test-user',
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: `${BASE_URL}/`,
		// Without these every getNodeParameter() fails with "Invalid URL" ($execution.resumeUrl).
		formBaseUrl: `${BASE_URL}/form`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		formTestBaseUrl: `${BASE_URL}/form-test`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		mcpBaseUrl: `${BASE_URL}/mcp`,
		mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
	};
}

function workflowBase(
	id: string,
	nodes: INode[],
	connections: IWorkflowBase['connections'],
): IWorkflowBase {
	const now = new Date();
	return {
		id,
		name: 'Harness workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}

function nodeNameFor(nodeType: INodeType): string {
	const name = nodeType.description.defaults.name ?? nodeType.description.displayName;
	return name && name !== INPUT_NODE_NAME ? name : 'Node Under Test';
}

/** `node.credentials`: a reference to every stored credential, as if selected on the node. */
function nodeCredentialsFor(
	helper: TestCredentialsHelper,
	types: string[],
): INodeCredentials | undefined {
	const result: INodeCredentials = {};
	for (const type of types) {
		const details = helper.getNodeCredentialsDetails(type);
		if (details) result[type] = details;
	}
	return Object.keys(result).length > 0 ? result : undefined;
}

function buildNodeUnderTest(
	nodeType: INodeType,
	typeName: string,
	parameters: INodeParameters,
	helper: TestCredentialsHelper,
	credentialTypes: string[],
): INode {
	const node: INode = {
		id: randomUUID(),
		name: nodeNameFor(nodeType),
		type: typeName,
		typeVersion: latestVersion(nodeType),
		position: [200, 0],
		// Copied: the Workflow constructor replaces it with a defaults-filled object.
		parameters: JSON.parse(JSON.stringify(parameters)) as INodeParameters,
	};
	const credentials = nodeCredentialsFor(helper, credentialTypes);
	if (credentials) node.credentials = credentials;
	return node;
}

/**
 * n8n keeps a node's error in the run data as a plain-object copy (`{ ...error, message, stack }`).
 * To hand tests the real error instance, execute() runs through this pass-through wrapper (the
 * node type is used as prototype, so description/methods/etc. are unchanged) that remembers what
 * it threw. Declarative nodes have no execute() and are used as they are.
 */
function captureThrownErrors(nodeType: INodeType): { nodeType: INodeType; thrown: () => unknown } {
	const { execute } = nodeType;
	if (typeof execute !== 'function') {
		return { nodeType, thrown: () => undefined };
	}
	let thrown: unknown;
	const wrapped = Object.create(nodeType) as INodeType;
	wrapped.execute = async function (this: IExecuteFunctions) {
		try {
			return await execute.call(this);
		} catch (error) {
			thrown = error;
			throw error;
		}
	};
	return { nodeType: wrapped, thrown: () => thrown };
}

/** The real thrown n8n error when there is one, else the run data's copy rebuilt as an Error. */
function toResultError(stored: IDataObject | undefined, thrown: unknown): RunNodeResult['error'] {
	if (stored === undefined) return undefined;
	if (thrown instanceof ExecutionBaseError && thrown.message === stored.message) {
		return thrown as RunNodeResult['error'];
	}
	const error = new Error(String(stored.message)) as NonNullable<RunNodeResult['error']>;
	Object.assign(error, stored);
	return error;
}

/**
 * Runs `nodeType` once, in manual mode, on `items` through n8n-core's WorkflowExecute.
 * Never throws for node errors: they come back in `result.error` (or as items with continueOnFail).
 */
export async function runNode(opts: RunNodeOptions): Promise<RunNodeResult> {
	const checkEndpoints = endpointCheck(opts.nodeType, opts.parameters);
	const typeName = opts.typeName ?? DEFAULT_TYPE_NAME;
	const credentials = opts.credentials ?? {};
	const helper = new TestCredentialsHelper(opts.credentialTypes, credentials, opts.credentialIds);
	const capture = captureThrownErrors(opts.nodeType);
	const nodeTypes = new TestNodeTypes({
		[INPUT_NODE_TYPE]: createInputNodeType(opts.items ?? [{}]),
		[typeName]: capture.nodeType,
	});

	const inputNode: INode = {
		id: randomUUID(),
		name: INPUT_NODE_NAME,
		type: INPUT_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const node = buildNodeUnderTest(
		opts.nodeType,
		typeName,
		opts.parameters,
		helper,
		Object.keys(credentials),
	);
	if (opts.continueOnFail) {
		node.onError = 'continueRegularOutput';
	}

	const connections: IWorkflowBase['connections'] = {
		[INPUT_NODE_NAME]: {
			[NodeConnectionTypes.Main]: [[{ node: node.name, type: NodeConnectionTypes.Main, index: 0 }]],
		},
	};
	const workflowId = `test-workflow-${randomUUID()}`;
	const workflow = new Workflow({
		id: workflowId,
		name: 'Harness workflow',
		nodes: [inputNode, node],
		connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1', timezone: opts.timezone ?? 'UTC' },
	});

	const executionId = String(Date.now());
	const additionalData = createAdditionalData(
		helper,
		workflowBase(workflowId, [inputNode, node], connections),
		executionId,
	);

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: workflow.getNode(INPUT_NODE_NAME) as INode,
					data: { main: [[{ json: {} }]] },
					source: null,
				},
			],
		},
	});

	const execution = new WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	let finished = false;
	void opts.cancelWhen?.().then(() => {
		if (!finished) execution.cancel();
	});
	// n8n's cancel does not reject: the run ends once the node gives up its work.
	const run: IRun = await execution.finally(() => {
		finished = true;
	});

	const taskData = run.data.resultData.runData[node.name]?.[0];
	const error = toResultError(
		(taskData?.error ?? run.data.resultData.error) as IDataObject | undefined,
		capture.thrown(),
	);
	const items = taskData?.error ? [] : (taskData?.data?.main?.[0] ?? []);
	checkEndpoints();

	return {
		items,
		...(error ? { error } : {}),
		credentials: helper.snapshot(),
		run,
		...(capture.thrown() !== undefined ? { thrown: capture.thrown() } : {}),
	};
}

/** Finds the parameter whose typeOptions/modes use `method`, to give the context its real path. */
function findParameterPath(
	properties: INodeProperties[],
	method: string,
	kind: 'loadOptions' | 'listSearch',
	prefix = 'parameters',
): string | undefined {
	for (const property of properties) {
		const path = `${prefix}.${property.name}`;
		if (kind === 'loadOptions' && property.typeOptions?.loadOptionsMethod === method) return path;
		if (
			kind === 'listSearch' &&
			property.modes?.some((mode) => mode.typeOptions?.searchListMethod === method)
		) {
			return path;
		}
		for (const option of property.options ?? []) {
			if ('values' in option && Array.isArray(option.values)) {
				const nested = findParameterPath(option.values, method, kind, `${path}.${option.name}`);
				if (nested) return nested;
			} else if ('type' in option && 'name' in option && 'default' in option) {
				const nested = findParameterPath([option as INodeProperties], method, kind, path);
				if (nested) return nested;
			}
		}
	}
	return undefined;
}

/**
 * Calls a node's `methods.loadOptions[method]` / `methods.listSearch[method]` with n8n-core's real
 * LoadOptionsContext (mode 'internal', credentials through the same helper as runNode).
 */
export async function callLoadOptions(
	opts: CallLoadOptionsOptions & { kind: 'loadOptions' },
): Promise<INodePropertyOptions[]>;
export async function callLoadOptions(
	opts: CallLoadOptionsOptions & { kind: 'listSearch' },
): Promise<INodeListSearchResult>;
export async function callLoadOptions(
	opts: CallLoadOptionsOptions,
): Promise<INodePropertyOptions[] | INodeListSearchResult>;
export async function callLoadOptions(
	opts: CallLoadOptionsOptions,
): Promise<INodePropertyOptions[] | INodeListSearchResult> {
	const typeName = opts.typeName ?? DEFAULT_TYPE_NAME;
	const credentials = opts.credentials ?? {};
	const helper = new TestCredentialsHelper(opts.credentialTypes, credentials);
	const nodeTypes = new TestNodeTypes({ [typeName]: opts.nodeType });
	const node = buildNodeUnderTest(
		opts.nodeType,
		typeName,
		opts.parameters,
		helper,
		Object.keys(credentials),
	);
	const workflowId = `test-workflow-${randomUUID()}`;
	const workflow = new Workflow({
		id: workflowId,
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const workflowNode = workflow.getNode(node.name) as INode;

	const additionalData = createAdditionalData(
		helper,
		workflowBase(workflowId, [workflowNode], {}),
		String(Date.now()),
	);
	additionalData.currentNodeParameters = workflowNode.parameters;

	const methods = opts.nodeType.methods?.[opts.kind] as
		| Record<string, (...args: unknown[]) => Promise<unknown>>
		| undefined;
	const fn = methods?.[opts.method];
	if (typeof fn !== 'function') {
		throw new UnexpectedError(`Node type has no methods.${opts.kind}.${opts.method}`);
	}

	const path =
		opts.path ??
		findParameterPath(opts.nodeType.description.properties, opts.method, opts.kind) ??
		`parameters.${opts.method}`;
	const context = new LoadOptionsContext(workflow, workflowNode, additionalData, path);
	return (await fn.call(context, ...(opts.args ?? []))) as
		| INodePropertyOptions[]
		| INodeListSearchResult;
}

function isOAuth2(helper: TestCredentialsHelper, type: string): boolean {
	return type === 'oAuth2Api' || helper.getParentTypes(type).includes('oAuth2Api');
}

/**
 * Tests credential data the way n8n's "Test" button does for a credential with a declarative
 * `test`: defaults and expressions applied, then `test.request` sent by n8n-core's RoutingNode
 * through httpRequestWithAuthentication (so `authenticate` or OAuth2 signing applies), and the
 * outcome mapped like the cli's CredentialsTester (status codes, `rules`).
 *
 * @param otherCredentialTypes types `credentialType` extends (other than oAuth2Api, which is built in)
 */
export async function testCredential(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
	otherCredentialTypes: ICredentialType[] = [],
): Promise<CredentialTestResult> {
	const typeName = credentialType.name;
	const helper = new TestCredentialsHelper([...otherCredentialTypes, credentialType], {
		[typeName]: data,
	});
	const details = helper.getNodeCredentialsDetails(typeName);
	if (details === undefined || details.id === null) {
		throw new UnexpectedError('Test credential was not stored');
	}

	const testRequest = credentialType.test;
	if (testRequest === undefined) {
		// The cli offers a token-presence check for OAuth2 types without a test request.
		if (isOAuth2(helper, typeName)) {
			const tokenData = data.oauthTokenData as IDataObject | undefined;
			return tokenData !== undefined && 'access_token' in tokenData
				? { status: 'OK', message: 'Connection Successful!' }
				: { status: 'Error', message: 'This OAuth2 credential was not connected to an account.' };
		}
		return { status: 'Error', message: 'No testing function found for this credential.' };
	}

	const workflowId = `test-workflow-${randomUUID()}`;
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		// The cli borrows the NoOp node; preAuthentication recognises a test by this type.
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [typeName]: details },
	};
	const testNodeType: INodeType = {
		description: {
			displayName: 'No Operation, do nothing',
			name: 'n8n-nodes-base.noOp',
			group: ['organization'],
			version: 1,
			description: '',
			defaults: { name: 'No Operation, do nothing' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: typeName, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const workflow = new Workflow({
		id: workflowId,
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes({ [testNodeType.description.name]: testNodeType }),
	});
	const workflowNode = workflow.getNode(node.name) as INode;
	const additionalData = createAdditionalData(
		helper,
		workflowBase(workflowId, [workflowNode], {}),
		String(Date.now()),
	);

	let decrypted: ICredentialDataDecryptedObject;
	try {
		decrypted = await helper.applyDefaultsAndOverwrites(additionalData, data, typeName, 'internal');
	} catch (error) {
		return { status: 'Error', message: String((error as Error).message) };
	}
	const credentialsDecrypted: ICredentialsDecrypted = {
		id: details.id,
		name: details.name,
		type: typeName,
		data: decrypted,
	};

	const executeData: IExecuteData = { node: workflowNode, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		workflowNode,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const routingNode = new RoutingNode(context, testNodeType, credentialsDecrypted);

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const cause = (
			error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }
		).cause;
		if (cause?.response) {
			const { status, statusText } = cause.response;
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (status < 199 || status > 299) {
				return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
			}
		} else if (cause?.code) {
			return { status: 'Error', message: cause.code };
		}
		return { status: 'Error', message: String((error as Error).message) };
	}

	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const body = response?.[0]?.[0]?.json ?? {};
			const actual = rule.properties.key
				.split('.')
				.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], body);
			if (actual === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}

	return { status: 'OK', message: 'Connection successful!' };
}
