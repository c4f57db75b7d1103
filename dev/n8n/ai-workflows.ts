/**
 * Workflow JSON for the AI side of n8n: this package's PagerDuty node as a tool (the `…Tool` variant n8n generates
 * from `usableAsTool`), used by an AI Agent or exposed by an MCP Server Trigger.
 */
import { randomUUID } from 'crypto';

import type { CredentialRef, WorkflowJson } from './n8n-client';
import { Auth, NODE_TYPE, pagerDutyNode, webhookWorkflow } from './workflows';

export { TRIGGER_NODE_TYPE } from './workflows';

/** n8n appends `Tool` to the name of every node type marked `usableAsTool`. */
export const TOOL_NODE_TYPE = `${NODE_TYPE}Tool`;
export const AGENT_NODE_TYPE = '@n8n/n8n-nodes-langchain.agent';
export const OPENAI_CHAT_MODEL_NODE_TYPE = '@n8n/n8n-nodes-langchain.lmChatOpenAi';
export const MCP_TRIGGER_NODE_TYPE = '@n8n/n8n-nodes-langchain.mcpTrigger';
export const OPENAI_CREDENTIAL_TYPE = 'openAiApi';

/**
 * The PagerDuty tool. Its name is what the model sees as the tool's name (n8n turns it into `[A-Za-z0-9_-]`);
 * `$fromAI(key, description, type)` placeholders in `parameters` become the tool's input schema.
 */
export function pagerDutyToolNode(
	auth: Auth,
	name: string,
	parameters: Record<string, unknown>,
): Record<string, unknown> {
	return pagerDutyNode(auth, parameters, {
		name,
		type: TOOL_NODE_TYPE,
		position: [440, 220],
	});
}

/** A connection from a sub-node (model, tool) into the AI input of `target`. */
function aiConnection(type: string, target: string): Record<string, unknown> {
	return { [type]: [[{ node: target, type, index: 0 }]] };
}

/**
 * Webhook (POST /webhook/<path>, body `{ prompt }`) → AI Agent with the OpenAI chat model (Chat Completions API,
 * so that any OpenAI-compatible server behind the credential's Base URL works) and the given tool; the webhook
 * answers with the agent's output item.
 */
export function agentWorkflow(
	name: string,
	path: string,
	options: { openAi: CredentialRef; model: string; tool: Record<string, unknown> },
): WorkflowJson {
	const agent = 'AI Agent';
	const chatModel = 'OpenAI Chat Model';
	const workflow = webhookWorkflow(name, path, {
		id: randomUUID(),
		name: agent,
		type: AGENT_NODE_TYPE,
		typeVersion: 3.1,
		position: [260, 0],
		parameters: { promptType: 'define', text: '={{ $json.body.prompt }}', options: {} },
	});
	workflow.nodes.push(
		{
			id: randomUUID(),
			name: chatModel,
			type: OPENAI_CHAT_MODEL_NODE_TYPE,
			typeVersion: 1.3,
			position: [200, 220],
			parameters: {
				model: { __rl: true, mode: 'id', value: options.model },
				responsesApiEnabled: false,
				options: {},
			},
			credentials: { [OPENAI_CREDENTIAL_TYPE]: options.openAi },
		},
		options.tool,
	);
	workflow.connections[chatModel] = aiConnection('ai_languageModel', agent);
	workflow.connections[String(options.tool.name)] = aiConnection('ai_tool', agent);
	return workflow;
}

/** MCP Server Trigger at /mcp/<path> (SSE and Streamable HTTP, no authentication) exposing the given tool. */
export function mcpServerWorkflow(
	name: string,
	path: string,
	tool: Record<string, unknown>,
): WorkflowJson {
	const trigger = 'MCP Server Trigger';
	return {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: trigger,
				type: MCP_TRIGGER_NODE_TYPE,
				typeVersion: 2.1,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { authentication: 'none', path },
			},
			tool,
		],
		connections: { [String(tool.name)]: aiConnection('ai_tool', trigger) },
	};
}

/** The part of a registered node type (`GET /types/nodes.json`) the AI tests read. */
export interface RegisteredNodeType {
	name: string;
	defaults: { name?: string };
	properties: Array<{
		name: string;
		displayOptions?: { show?: { resource?: unknown[] } };
		options?: Array<{ value?: unknown; action?: string }>;
	}>;
}

/**
 * The description n8n gives a tool whose Tool Description is "Set Automatically": the operation's `action` and
 * "in <default node name>", read from the node types n8n registered (`GET /types/nodes.json`).
 */
export function automaticToolDescription(
	nodeTypes: RegisteredNodeType[],
	resource: string,
	operation: string,
): string {
	const tool = nodeTypes.find((type) => type.name === TOOL_NODE_TYPE);
	const operations = tool?.properties.find(
		(property) =>
			property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource),
	);
	const action = operations?.options?.find((option) => option.value === operation)?.action;
	if (!tool || !action)
		throw new Error(
			`n8n registered no ${TOOL_NODE_TYPE} with an action for ${resource} → ${operation}`,
		);
	return `${action} in ${tool.defaults.name}`;
}
