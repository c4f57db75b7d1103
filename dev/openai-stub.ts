/**
 * A scripted OpenAI-compatible chat-completions server on loopback, so that n8n's AI Agent can be driven
 * deterministically: point the OpenAI credential's Base URL at `stub.url`, give the stub a script, and every
 * `POST /v1/chat/completions` is answered by the script's next step (a tool call or a final text). Every request is
 * recorded, so a test can check which tools (names, descriptions, JSON schemas) the agent offered and what tool
 * results it passed back. `GET /v1/models` lists the stub's one model for the editor's model picker.
 * Non-streaming answers only: n8n's agent does not ask for a stream unless its trigger streams.
 */
import { randomUUID } from 'crypto';
import { createServer, IncomingMessage, ServerResponse } from 'http';
import { AddressInfo } from 'net';

export const STUB_MODEL = 'stub-model';

export interface ChatToolCall {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
}

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool' | string;
	content?: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: ChatToolCall[];
	tool_call_id?: string;
}

export interface ChatTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export interface ChatCompletionRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ChatTool[];
	stream?: boolean;
	[other: string]: unknown;
}

/** The stub's answer to a chat-completion request: OpenAI's non-streaming shape, one choice. */
export interface ChatCompletion {
	id: string;
	object: 'chat.completion';
	created: number;
	model: string;
	choices: Array<{
		index: number;
		message: ChatMessage & { role: 'assistant' };
		finish_reason: 'stop' | 'tool_calls';
	}>;
	usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

/** What one script step answers: tool calls for the agent to run, or its final text. */
export type ScriptedReply =
	| { toolCalls: Array<{ name: string; arguments: Record<string, unknown> }> }
	| { content: string };

export type ScriptStep = (request: ChatCompletionRequest) => ScriptedReply;

export interface RecordedCompletion {
	/** The request's Authorization header (the credential's API key as a bearer token). */
	authorization?: string;
	body: ChatCompletionRequest;
}

export interface OpenAiStub {
	/** The base URL for the OpenAI credential, ending in /v1. */
	url: string;
	/** Every chat-completion request so far, oldest first. */
	completions: RecordedCompletion[];
	/**
	 * Starts a new conversation: forgets the recorded completions and replaces the script. Each completion request
	 * takes the next step; a request past the last one gets 400.
	 */
	script(steps: ScriptStep[]): void;
	close(): Promise<void>;
}

/** The text of a message, whether it came as a string or as content parts. */
export function messageText(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	if (Array.isArray(message.content))
		return message.content.map((part) => part.text ?? '').join('');
	return '';
}

/** The tool results the agent passed back in a request (the `tool` messages), oldest first. */
export function toolResults(request: ChatCompletionRequest): string[] {
	return request.messages.filter((message) => message.role === 'tool').map(messageText);
}

function completion(request: ChatCompletionRequest, reply: ScriptedReply): ChatCompletion {
	const message: ChatCompletion['choices'][0]['message'] =
		'content' in reply
			? { role: 'assistant', content: reply.content }
			: {
					role: 'assistant',
					content: null,
					tool_calls: reply.toolCalls.map(
						(call): ChatToolCall => ({
							id: `call_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
							type: 'function',
							function: { name: call.name, arguments: JSON.stringify(call.arguments) },
						}),
					),
				};
	return {
		id: `chatcmpl-${randomUUID()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: request.model,
		choices: [
			{
				index: 0,
				message,
				finish_reason: 'content' in reply ? 'stop' : 'tool_calls',
			},
		],
		usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
	};
}

function send(response: ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, { 'content-type': 'application/json' });
	response.end(JSON.stringify(body));
}

/** OpenAI's error shape, which the OpenAI client turns into a readable error. */
function openAiError(response: ServerResponse, status: number, message: string): void {
	send(response, status, { error: { message, type: 'invalid_request_error', code: null } });
}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export async function startOpenAiStub(
	options: { port?: number; host?: string } = {},
): Promise<OpenAiStub> {
	const completions: RecordedCompletion[] = [];
	let steps: ScriptStep[] = [];
	let nextStep = 0;

	const server = createServer((request, response) => {
		void (async () => {
			const path = (request.url ?? '/').split('?')[0];
			if (request.method === 'GET' && path === '/v1/models') {
				send(response, 200, {
					object: 'list',
					data: [{ id: STUB_MODEL, object: 'model', created: 0, owned_by: 'stub' }],
				});
				return;
			}
			if (request.method !== 'POST' || path !== '/v1/chat/completions') {
				openAiError(response, 404, `The OpenAI stub does not serve ${request.method} ${path}`);
				return;
			}
			let body: ChatCompletionRequest;
			try {
				body = JSON.parse(await readBody(request)) as ChatCompletionRequest;
			} catch {
				openAiError(response, 400, 'The request body is not JSON');
				return;
			}
			completions.push({ authorization: request.headers.authorization, body });
			if (body.stream) {
				openAiError(response, 400, 'The OpenAI stub answers non-streaming requests only');
				return;
			}
			const step = steps[nextStep];
			if (!step) {
				openAiError(response, 400, `The OpenAI stub's script has no step ${nextStep + 1}`);
				return;
			}
			nextStep += 1;
			send(response, 200, completion(body, step(body)));
		})().catch((error: unknown) => {
			openAiError(response, 500, `The OpenAI stub failed: ${String(error)}`);
		});
	});

	await new Promise<void>((resolve) =>
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
	);
	const { address, port } = server.address() as AddressInfo;
	return {
		url: `http://${address}:${port}/v1`,
		completions,
		script(newSteps) {
			completions.length = 0;
			steps = newSteps;
			nextStep = 0;
		},
		close: () =>
			new Promise((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}
