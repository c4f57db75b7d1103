import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
} from 'n8n-workflow';

import { PagerDutyError } from '../../dev/sandbox/errors';
import type { RestRequest, RestResponse } from '../../dev/sandbox/rest-common';

/** One request as PagerDuty would see it: path and query, values as text, and its JSON body. */
export interface SentRequest {
	path: string;
	query: Record<string, string | string[]>;
	body?: unknown;
}

const asText = (value: unknown): string | string[] =>
	Array.isArray(value) ? value.map(String) : String(value);

/**
 * A node context whose HTTP helper answers list requests with the sandbox's paging helpers
 * (`paginate`, `paginateCursor`, `paginateAfter`), for the paging kinds no sandbox endpoint uses
 * yet. Everything between the node and the helper (transport, retries, errors) is the real code.
 */
export function fakeListServer(
	serve: (request: RestRequest, sent: SentRequest) => RestResponse,
	currentParameters: Record<string, unknown> = {},
) {
	const sent: SentRequest[] = [];
	// What errors read of the node: its name and type.
	const node = { name: 'PagerDuty', type: 'n8n-nodes-pagerduty.pagerDuty' } as INode;
	const context = {
		getNode: () => node,
		getNodeParameter: (_name: string, fallback?: unknown) => fallback,
		getCurrentNodeParameter: (name: string) => currentParameters[name],
		getCredentials: async () => ({ apiToken: 'secret', region: 'us' }),
		getExecutionCancelSignal: () => undefined,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const query = Object.fromEntries(
					Object.entries(options.qs ?? {}).map(([name, value]) => [name, asText(value)]),
				);
				const request: SentRequest = { path: String(options.url), query, body: options.body };
				sent.push(request);
				const restRequest: RestRequest = {
					match: {
						operation: `${options.method ?? 'GET'} ${request.path}`,
						pathParams: {},
						query,
						body: options.body,
						fromRequired: false,
					},
					actor: null,
					principal: 'account',
				};
				try {
					const { status, body } = serve(restRequest, request);
					return { statusCode: status, headers: {}, body };
				} catch (error) {
					if (!(error instanceof PagerDutyError)) throw error;
					return { statusCode: error.status, headers: {}, body: error.body };
				}
			},
		},
	};
	return { context: context as unknown as IExecuteFunctions & ILoadOptionsFunctions, sent };
}

/** `count` records `{ id: 'T0' … }`. */
export const things = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ id: `T${index}`, name: `Thing ${index}` }));
