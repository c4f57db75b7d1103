import type { INodeProperties } from 'n8n-workflow';

import type { RegionHosts } from '../nodes/shared/regions';

/** A credential's Service Region and (for "Custom") Base URL fields; `serves` says what the URL must serve. */
export function regionFields(hosts: RegionHosts, serves: string): INodeProperties[] {
	const hostName = (url: string) => new URL(url).host;
	return [
		{
			displayName: 'Service Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: `US (${hostName(hosts.us)})`, value: 'us' },
				{ name: `EU (${hostName(hosts.eu)})`, value: 'eu' },
				{
					name: 'Custom Base URL',
					value: 'custom',
					description: 'A proxy in front of PagerDuty, or a local PagerDuty sandbox for testing',
				},
			],
			// 'us' is one of the values above; the rule cannot read options whose names are computed.
			// eslint-disable-next-line n8n-nodes-base/node-param-default-wrong-for-options
			default: 'us',
			description:
				'The region your PagerDuty account lives in. A key used against the wrong region is refused.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:4010',
			required: true,
			displayOptions: { show: { region: ['custom'] } },
			description: `Root URL that serves ${serves}`,
		},
	];
}
