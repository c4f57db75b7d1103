// Keeps the operations' declared endpoints true: after each run of a node built from the registry
// (PagerDuty, PagerDuty Events), every request the sandbox recorded for that run must be one its
// resource/operation declares.
import type { INodeParameters, INodeType } from 'n8n-workflow';

import { nodeActions } from '../../nodes/PagerDuty/actions/nodes';
import { findOperation, hasResourceField } from '../../nodes/PagerDuty/actions/registry';

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

/**
 * Call before a run; the function it returns, after the run, throws when the run made a request
 * its operation does not declare (OAuth token refreshes are n8n's, not the operation's).
 */
export function endpointCheck(nodeType: INodeType, parameters: INodeParameters): () => void {
	const source = recordedCalls;
	const node = nodeActions[nodeType.description.name as keyof typeof nodeActions];
	if (!source || !node) return () => {};
	const before = source().length;
	return () => {
		// Parameters left at their defaults are not saved: the node's and the resource's defaults apply.
		const saved = (name: string) =>
			typeof parameters[name] === 'string' ? (parameters[name] as string) : undefined;
		const resourceField = nodeType.description.properties.find(({ name }) => name === 'resource');
		const resourceValue = saved('resource') ?? (resourceField?.default as string | undefined);
		const resource = hasResourceField(node)
			? node.resources.find(({ option }) => option.value === resourceValue)
			: node.resources[0];
		const operationValue = saved('operation') ?? resource?.defaultOperation ?? '';
		const found = findOperation(node, resourceValue, operationValue);
		if (!found || found.operation.endpoints === 'any') return;
		const declared: readonly string[] = found.operation.endpoints;
		const undeclared = source()
			.slice(before)
			.filter((call) => call.operation !== undefined && !call.operation.startsWith('POST /oauth/'))
			.filter((call) => !declared.includes(call.operation!))
			.map((call) => `${call.operation} (${call.method} ${call.path})`);
		if (undeclared.length > 0) {
			throw new Error(
				`${found.resource.option.value} → ${operationValue} called endpoints it does not declare: ${[...new Set(undeclared)].join(', ')}`,
			);
		}
	};
}
