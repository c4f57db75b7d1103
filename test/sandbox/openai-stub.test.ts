/** The scripted OpenAI-compatible stub that plays the chat model in the AI Agent e2e test. */
import {
	ChatCompletion,
	OpenAiStub,
	startOpenAiStub,
	STUB_MODEL,
	toolResults,
} from '../../dev/openai-stub';

let stub: OpenAiStub;

beforeAll(async () => {
	stub = await startOpenAiStub();
});

afterAll(async () => {
	await stub.close();
});

async function complete(
	body: Record<string, unknown>,
): Promise<{ status: number; json: ChatCompletion & { error?: { message: string } } }> {
	const response = await fetch(`${stub.url}/chat/completions`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test' },
		body: JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as ChatCompletion };
}

const tool = {
	type: 'function',
	function: { name: 'get_incident', parameters: { type: 'object', properties: {} } },
};

describe('OpenAI stub', () => {
	it('answers each completion from the next script step and records the requests', async () => {
		stub.script([
			() => ({ toolCalls: [{ name: 'get_incident', arguments: { incidentId: 'Q1' } }] }),
			(request) => ({ content: `Result: ${toolResults(request).join()}` }),
		]);
		const messages = [{ role: 'user', content: 'Get incident Q1' }];

		const first = await complete({ model: STUB_MODEL, messages, tools: [tool] });

		expect(first.status).toBe(200);
		expect(first.json.choices[0].finish_reason).toBe('tool_calls');
		const [call] = first.json.choices[0].message.tool_calls ?? [];
		expect(call).toMatchObject({ type: 'function', function: { name: 'get_incident' } });
		expect(JSON.parse(call.function.arguments)).toEqual({ incidentId: 'Q1' });

		const second = await complete({
			model: STUB_MODEL,
			messages: [
				...messages,
				first.json.choices[0].message,
				{ role: 'tool', tool_call_id: call.id, content: '{"id":"Q1"}' },
			],
		});

		expect(second.json.choices[0]).toMatchObject({
			finish_reason: 'stop',
			message: { role: 'assistant', content: 'Result: {"id":"Q1"}' },
		});
		expect(stub.completions).toHaveLength(2);
		expect(stub.completions[0].authorization).toBe('Bearer sk-test');
		expect(stub.completions[0].body.tools).toEqual([tool]);
	});

	it('refuses a request past the script and a streaming request with OpenAI-shaped errors', async () => {
		stub.script([]);
		const pastScript = await complete({ model: STUB_MODEL, messages: [] });
		const streaming = await complete({ model: STUB_MODEL, messages: [], stream: true });

		expect(pastScript.status).toBe(400);
		expect(pastScript.json.error?.message).toMatch(/no step 1/);
		expect(streaming.status).toBe(400);
		expect(streaming.json.error?.message).toMatch(/non-streaming/);
	});

	it('lists its model and answers 404 elsewhere', async () => {
		const models = (await (await fetch(`${stub.url}/models`)).json()) as {
			data: Array<{ id: string }>;
		};
		const other = await fetch(`${stub.url}/responses`, { method: 'POST', body: '{}' });

		expect(models.data.map((model) => model.id)).toEqual([STUB_MODEL]);
		expect(other.status).toBe(404);
	});
});
