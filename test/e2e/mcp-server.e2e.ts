/**
 * n8n's MCP Server Trigger exposes this package's PagerDuty tool in the real n8n; the official MCP TypeScript SDK
 * is the client (Streamable HTTP, the transport MCP clients use today). It lists the tool (name, description, input
 * schema from `$fromAI`) and calls it; the sandbox sees the request and the result carries PagerDuty's answer.
 */

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { randomUUID } from 'crypto';

import {
	automaticToolDescription,
	mcpServerWorkflow,
	pagerDutyToolNode,
	RegisteredNodeType,
} from '../../dev/n8n/ai-workflows';
import { N8nClient } from '../../dev/n8n/n8n-client';
import { clientFor, E2eState, readState, SandboxClient } from '../../dev/n8n/state';
import { API_CREDENTIAL_TYPE } from '../../dev/n8n/workflows';

const TOKEN = 'sandbox-account-token';
const TOOL_NODE_NAME = 'Get PagerDuty incident';
const TOOL_NAME = 'Get_PagerDuty_incident';
const INCIDENT_ID_HINT = 'The ID of the PagerDuty incident, such as Q2T4ZLRMNV8ICM';

let state: E2eState;
let n8n: N8nClient;
let sandbox: SandboxClient;
let mcpUrl: URL;
let client: Client;

/** Connects the MCP client; the trigger's URL can 404 for a moment after activation returned. */
async function connect(url: URL): Promise<Client> {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const mcp = new Client({ name: 'n8n-nodes-pagerduty-e2e', version: '1.0.0' });
		try {
			await mcp.connect(new StreamableHTTPClientTransport(url));
			return mcp;
		} catch (error) {
			if (!/404/.test(String(error)) || Date.now() > deadline) throw error;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
}

beforeAll(async () => {
	state = readState();
	n8n = clientFor(state);
	sandbox = new SandboxClient(state.sandboxUrl);
	await sandbox.control('POST', 'reset');
	const pagerDuty = await n8n.createCredential(
		'PagerDuty sandbox (MCP tool)',
		API_CREDENTIAL_TYPE,
		{
			apiToken: TOKEN,
			region: 'custom',
			baseUrl: state.sandboxUrl,
			defaultFromEmail: '',
		},
	);
	const tool = pagerDutyToolNode({ apiToken: pagerDuty }, TOOL_NODE_NAME, {
		resource: 'incident',
		operation: 'get',
		incidentId: {
			__rl: true,
			mode: 'id',
			value: `={{ $fromAI('incidentId', '${INCIDENT_ID_HINT}', 'string') }}`,
		},
	});
	const path = `pd-mcp-${randomUUID().slice(0, 8)}`;
	await n8n.createActiveWorkflow(
		mcpServerWorkflow('e2e MCP server with the PagerDuty tool', path, tool),
	);
	mcpUrl = new URL(`${state.n8nUrl}/mcp/${path}`);
	client = await connect(mcpUrl);
});

afterAll(async () => {
	await client?.close();
});

describe('n8n MCP Server Trigger exposing the PagerDuty tool in real n8n', () => {
	it('lists the tool with its description and the $fromAI input schema', async () => {
		const nodeTypes = await n8n.types<RegisteredNodeType[]>('nodes');
		const { tools } = await client.listTools();

		expect(tools.map((tool) => tool.name)).toEqual([TOOL_NAME]);
		expect(tools[0].description).toBe(automaticToolDescription(nodeTypes, 'incident', 'get'));
		expect(tools[0].inputSchema).toMatchObject({
			type: 'object',
			properties: { incidentId: { type: 'string', description: INCIDENT_ID_HINT } },
			required: ['incidentId'],
		});
	});

	it('an SSE client (the older transport) lists the same tool', async () => {
		const sse = new Client({ name: 'n8n-nodes-pagerduty-e2e-sse', version: '1.0.0' });
		await sse.connect(new SSEClientTransport(mcpUrl));
		try {
			const { tools } = await sse.listTools();
			expect(tools.map((tool) => tool.name)).toEqual([TOOL_NAME]);
		} finally {
			await sse.close();
		}
	});

	it('calls the tool: the sandbox sees the request and the result carries the incident', async () => {
		const { incidents } = await sandbox.rest<{ incidents: Array<{ id: string; title: string }> }>(
			'/incidents?limit=1',
		);
		const [incident] = incidents;
		await sandbox.clearRequests();

		const result = await client.callTool({
			name: TOOL_NAME,
			arguments: { incidentId: incident.id },
		});

		expect(result.isError).toBeFalsy();
		const requests = await sandbox.requests();
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({
			method: 'GET',
			path: `/incidents/${incident.id}`,
			status: 200,
		});
		expect(requests[0].headers.authorization).toBe(`Token token=${TOKEN}`);
		const content = result.content as Array<{ type: string; text?: string }>;
		expect(content[0].type).toBe('text');
		expect(JSON.parse(String(content[0].text))).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ id: incident.id, title: incident.title, type: 'incident' }),
			]),
		);
	});

	it('an unknown incident comes back as a tool error the client can read, without the token', async () => {
		const result = await client.callTool({
			name: TOOL_NAME,
			arguments: { incidentId: 'QNOSUCHINCIDENT' },
		});

		const text = (result.content as Array<{ text?: string }>).map((part) => part.text).join('\n');
		expect(result.isError).toBe(true);
		expect(text).toMatch(/not found/i);
		expect(text).not.toContain(TOKEN);
	});
});
