import type { INodeProperties } from 'n8n-workflow';

const description =
	'Whether to return a simplified version of the response instead of the raw data';

export function simplifyField(fields: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description,
		hint: `Returns only ${fields}`,
	};
}

/** For operations n8n's built-in node has: their saved workflows hold no `simplify` and expect full objects. */
export function legacySimplifyField(fields: string): INodeProperties {
	return {
		...simplifyField(fields),
		// Off by default so workflows moved over from n8n's built-in node keep getting full objects.
		// eslint-disable-next-line n8n-nodes-base/node-param-default-wrong-for-simplify
		default: false,
	};
}
