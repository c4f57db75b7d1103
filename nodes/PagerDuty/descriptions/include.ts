import type { INodeProperties } from 'n8n-workflow';

/**
 * A list's "Include" option (PagerDuty's `include[]`): related objects returned in full. Values are
 * camelCase; send them through `camelToSnake`.
 */
export function includeField(options: Array<{ name: string; value: string }>): INodeProperties {
	return {
		displayName: 'Include',
		name: 'include',
		type: 'multiOptions',
		options,
		default: [],
		description: 'Related objects to return in full instead of as references',
	};
}
