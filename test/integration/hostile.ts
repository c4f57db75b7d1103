// What the trust and abuse tests share: a foreign host that records whatever reaches it, and the
// whole of a run as text, hidden properties of errors included, to search for secrets.
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { inspect } from 'util';

import type { RunNodeResult } from '../../dev/harness/engine';

export interface ForeignRequest {
	method: string;
	url: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/** A host other than the credential's: a redirect's target. Whatever reaches it is recorded. */
export function useForeignHost() {
	const requests: ForeignRequest[] = [];
	const state = { url: '', close: async () => {} };
	beforeAll(async () => {
		const server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				requests.push({
					method: req.method ?? '',
					url: req.url ?? '',
					headers: req.headers,
					body: Buffer.concat(chunks).toString('utf8'),
				});
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ incident: { id: 'PSTOLEN', stolen: true }, status: 'success' }));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		state.close = async () =>
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
	});
	afterAll(async () => await state.close());
	beforeEach(() => requests.splice(0, requests.length));
	return {
		get url() {
			return state.url;
		},
		get host() {
			return new URL(state.url).host;
		},
		requests,
	};
}

/**
 * Everything n8n keeps or shows of a run, as one text: the run data as n8n saves it (JSON), the same
 * with every hidden (non-enumerable) property and getter shown, the output items, and the error
 * object the node threw with its hidden properties (stack, cause).
 */
export function exposedText(result: RunNodeResult): string {
	const hidden = { showHidden: true, depth: Infinity, getters: true, maxStringLength: Infinity };
	return [
		JSON.stringify(result.run),
		inspect(result.run, hidden),
		JSON.stringify(result.items),
		inspect(result.error, hidden),
		inspect(result.thrown, hidden),
	].join('\n');
}

/** Which of these secrets appear anywhere in the run. */
export const leakedSecrets = (result: RunNodeResult, secrets: string[]) =>
	secrets.filter((secret) => exposedText(result).includes(secret));
