// Keeps the operations' declared endpoints true: after each run of the PagerDuty node, every
// request the sandbox recorded for that run must be one its resource/operation declares.
import type { INodeParameters, INodeType } from 'n8n-workflow';

import { resources } from '../../nodes/PagerDuty/actions';
import { findOperation } from '../../nodes/PagerDuty/actions/registry';

/** What the check needs of a recorded request: its contract key, when the contract knows it. */
interface RecordedCall {
	method: string;
	path: string;
	operation?: string;
}

let recordedCalls: (() => RecordedCall[]) | undefined;

/** Checks every later run of the PagerDuty node against the requests this source records. */
export function watchEndpoints(source: () => RecordedCall[]): void {
	recordedCalls = source;
}

const parameterOr = (parameters: INodeParameters, name: string, fallback: string) =>
	typeof parameters[name] === 'string' ? (parameters[name] as string) : fallback;

/**
 * Call before a run; the function it returns, after the run, throws when the run made a request
 * its operation does not declare (OAuth token refreshes are n8n's, not the operation's).
 */
export function endpointCheck(nodeType: INodeType, parameters: INodeParameters): () => void {
	const source = recordedCalls;
	if (!source || nodeType.description.name !== 'pagerDuty') return () => {};
	const before = source().length;
	return () => {
		const resourceValue = parameterOr(parameters, 'resource', 'incident');
		const resource = resources.find(({ option }) => option.value === resourceValue);
		const operationValue = parameterOr(parameters, 'operation', resource?.defaultOperation ?? '');
		const operation = findOperation(resources, resourceValue, operationValue);
		if (!operation || operation.endpoints === 'any') return;
		const declared: readonly string[] = operation.endpoints;
		const undeclared = source()
			.slice(before)
			.filter((call) => call.operation !== undefined && !call.operation.startsWith('POST /oauth/'))
			.filter((call) => !declared.includes(call.operation!))
			.map((call) => `${call.operation} (${call.method} ${call.path})`);
		if (undeclared.length > 0) {
			throw new Error(
				`${resourceValue} → ${operationValue} called endpoints it does not declare: ${[...new Set(undeclared)].join(', ')}`,
			);
		}
	};
}
