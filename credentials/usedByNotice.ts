import type { INodeProperties } from 'n8n-workflow';

/**
 * The first field of a credential's dialog: which nodes use it. n8n's "Add new credential" list shows
 * credential names only (no icon, no node), beside n8n's own PagerDuty credentials.
 */
export function usedByNotice(nodes: string, builtInInstead?: string): INodeProperties {
	const builtIn = builtInInstead
		? ` n8n's built-in PagerDuty node uses "${builtInInstead}" instead.`
		: '';
	return {
		displayName: `For the ${nodes} of the n8n-nodes-pagerduty community package.${builtIn}`,
		name: 'usedByNotice',
		type: 'notice',
		default: '',
	};
}
