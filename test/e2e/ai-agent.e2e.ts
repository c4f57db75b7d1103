/**
 * n8n's AI Agent uses this package's PagerDuty tool in the real n8n. The chat model is n8n's OpenAI Chat Model node
 * whose credential's Base URL points at a scripted OpenAI-compatible stub (dev/openai-stub.ts): its first answer
 * calls the PagerDuty tool with an incident ID, its second is the final answer built from the tool result it got
 * back. Checks what the model was offered, what reached the sandbox and what the agent answered.
 */
import { randomUUID } from 'crypto';

import {
	agentWorkflow,
	automaticToolDescription,
	OPENAI_CREDENTIAL_TYPE,
	pagerDutyToolNode,
	RegisteredNodeType,
	TOOL_NODE_TYPE,
	TRIGGER_NODE_TYPE,
} from '../../dev/n8n/ai-workflows';
import { N8nClient } from '../../dev/n8n/n8n-client';
import { clientFor, readState, SandboxClient } from '../../dev/n8n/state';
import { API_CREDENTIAL_TYPE, NODE_TYPE } from '../../dev/n8n/workflows';
import { OpenAiStub, startOpenAiStub, STUB_MODEL, toolResults } from '../../dev/openai-stub';

const FROM = 'jane.doe@example.com';
const TOKEN = 'sandbox-account-token';
const OPENAI_KEY = 'sk-stub-0123456789';
/** The model sees the tool node's name as the tool's name, with spaces made underscores. */
const TOOL_NODE_NAME = 'Acknowledge PagerDuty incident';
const TOOL_NAME = 'Acknowledge_PagerDuty_incident';

let n8n: N8nClient;
let sandbox: SandboxClient;
let stub: OpenAiStub;
let path: string;
let nodeTypes: RegisteredNodeType[];

beforeAll(async () => {
	const state = readState();
	n8n = clientFor(state);
	sandbox = new SandboxClient(state.sandboxUrl);
	await sandbox.control('POST', 'reset');
	nodeTypes = await n8n.types<RegisteredNodeType[]>('nodes');
	stub = await startOpenAiStub();
	const openAi = await n8n.createCredential('OpenAI stub', OPENAI_CREDENTIAL_TYPE, {
		apiKey: OPENAI_KEY,
		url: stub.url,
	});
	const pagerDuty = await n8n.createCredential(
		'PagerDuty sandbox (agent tool)',
		API_CREDENTIAL_TYPE,
		{ apiToken: TOKEN, region: 'custom', baseUrl: state.sandboxUrl, defaultFromEmail: '' },
	);
	const tool = pagerDutyToolNode({ apiToken: pagerDuty }, TOOL_NODE_NAME, {
		resource: 'incident',
		operation: 'update',
		incidentId: {
			__rl: true,
			mode: 'id',
			value:
				"={{ $fromAI('incidentId', 'The ID of the PagerDuty incident to acknowledge', 'string') }}",
		},
		email: FROM,
		updateFields: { status: 'acknowledged' },
	});
	path = `pd-agent-${randomUUID().slice(0, 8)}`;
	await n8n.createActiveWorkflow(
		agentWorkflow('e2e AI Agent with the PagerDuty tool', path, {
			openAi,
			model: STUB_MODEL,
			tool,
		}),
	);
});

/** The webhook answers with every item of the agent's output: one item, `{ output }`. */
function agentOutput(answer: unknown): string {
	const items = answer as Array<{ output: string }>;
	expect(items).toHaveLength(1);
	return items[0].output;
}

afterAll(async () => {
	await stub?.close();
});

describe('n8n AI Agent with the PagerDuty tool in real n8n', () => {
	it('offers the PagerDuty node as a tool, and not the trigger', () => {
		const names = nodeTypes.map((type) => type.name);
		expect(names).toEqual(expect.arrayContaining([NODE_TYPE, TOOL_NODE_TYPE, TRIGGER_NODE_TYPE]));
		expect(names).not.toContain(`${TRIGGER_NODE_TYPE}Tool`);
	});

	it('acknowledges the incident the model asked for and answers with the tool result', async () => {
		const { incidents } = await sandbox.rest<{ incidents: Array<{ id: string }> }>(
			'/incidents?statuses[]=triggered&limit=1',
		);
		const incidentId = incidents[0].id;
		stub.script([
			() => ({ toolCalls: [{ name: TOOL_NAME, arguments: { incidentId } }] }),
			(request) => ({
				content: `Acknowledged. PagerDuty answered: ${toolResults(request).join('\n')}`,
			}),
		]);
		await sandbox.clearRequests();

		const result = await n8n.webhook(path, { prompt: `Acknowledge incident ${incidentId}` });

		expect(result.status).toBe(200);
		// The sandbox saw the update the model asked for, made with the tool's fixed parameters.
		const requests = (await sandbox.requests()).filter((request) => request.method !== 'GET');
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({
			method: 'PUT',
			path: `/incidents/${incidentId}`,
			status: 200,
			body: { incident: { type: 'incident_reference', status: 'acknowledged' } },
		});
		expect(requests[0].headers.from).toBe(FROM);

		// The model was offered the tool with the $fromAI parameter as its input schema, and got its result back.
		expect(stub.completions).toHaveLength(2);
		const [first, second] = stub.completions;
		expect(first.authorization).toBe(`Bearer ${OPENAI_KEY}`);
		const offered = first.body.tools?.find((tool) => tool.function.name === TOOL_NAME);
		expect(offered?.function.description).toBe(
			automaticToolDescription(nodeTypes, 'incident', 'update'),
		);
		expect(offered?.function.parameters).toMatchObject({
			type: 'object',
			properties: {
				incidentId: {
					type: 'string',
					description: 'The ID of the PagerDuty incident to acknowledge',
				},
			},
			required: ['incidentId'],
		});
		const [toolResult] = toolResults(second.body);
		expect(JSON.parse(toolResult)).toEqual(
			expect.arrayContaining([expect.objectContaining({ id: incidentId, status: 'acknowledged' })]),
		);

		// The agent's output carries the tool result.
		const output = agentOutput(result.json);
		expect(output).toContain('Acknowledged. PagerDuty answered:');
		expect(output).toContain(incidentId);
		expect(output).toContain('"status":"acknowledged"');
		const incident = await sandbox.rest<{ incident: { status: string } }>(
			`/incidents/${incidentId}`,
		);
		expect(incident.incident.status).toBe('acknowledged');
	});

	it('an unknown incident reaches the model as the tool error, and the agent still answers', async () => {
		stub.script([
			() => ({ toolCalls: [{ name: TOOL_NAME, arguments: { incidentId: 'QNOSUCHINCIDENT' } }] }),
			(request) => ({ content: `Could not acknowledge: ${toolResults(request).join('\n')}` }),
		]);

		const result = await n8n.webhook(path, { prompt: 'Acknowledge incident QNOSUCHINCIDENT' });

		expect(result.status).toBe(200);
		expect(stub.completions).toHaveLength(2);
		const [toolResult] = toolResults(stub.completions[1].body);
		expect(toolResult).toMatch(/not found/i);
		expect(toolResult).not.toContain(TOKEN);
		expect(agentOutput(result.json)).toContain(toolResult);
	});
});
