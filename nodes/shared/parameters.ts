import type { IExecuteFunctions, IHookFunctions, ILoadOptionsFunctions, INode } from 'n8n-workflow';

/** Node runs, option loading, and trigger lifecycle hooks (webhook subscriptions). */
export type ClientContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

/**
 * What reading a parameter needs of a context, and no more: a node run (per item), a trigger's
 * hook or a load-options call (node-level, no item). Helpers take this, so both nodes share them.
 */
export interface ParameterSource {
	getNode(): INode;
	getNodeParameter(...args: never[]): unknown;
}

/**
 * A parameter of one item when `itemIndex` is given; otherwise a node-level parameter, read at
 * item 0 where there are items and without an index where there are none (hooks, load options).
 */
export function readParameterValue(
	source: ParameterSource,
	name: string,
	itemIndex?: number,
	...fallback: [unknown?]
): unknown {
	const read = source.getNodeParameter as (...args: unknown[]) => unknown;
	if (itemIndex !== undefined) return read.call(source, name, itemIndex, ...fallback);
	return 'getInputData' in source
		? read.call(source, name, 0, ...fallback)
		: read.call(source, name, ...fallback);
}
