import type { INodeProperties } from 'n8n-workflow';

export const fromEmailField: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	default: '',
	description:
		'Email of the PagerDuty user this change is made as (PagerDuty\'s "From" header). Needed with an account-level API key; when empty, the credential\'s Default From Email is used. User API tokens and OAuth2 act as their own user and ignore it.',
};

export function returnAllAndLimit(noun: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1 },
			// 100 as in n8n's built-in PagerDuty node: saved workflows omit defaults, so a different one would change them.
			// eslint-disable-next-line n8n-nodes-base/node-param-default-wrong-for-limit
			default: 100,
			description: 'Max number of results to return',
			hint: `Any number works: above 100 the ${noun} are read page by page`,
		},
	];
}

export const timeZoneField: INodeProperties = {
	displayName: 'Time Zone Name or ID',
	name: 'timeZone',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTimezones' },
	default: '',
	description:
		'Time zone the dates in the result are rendered in (IANA name such as Europe/Berlin). UTC when empty. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export function sinceUntilFields(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Since',
			name: 'since',
			type: 'dateTime',
			default: '',
			description: `Start of the time window for ${what} (ISO 8601 with offset, e.g. 2026-11-01T00:00:00Z). PagerDuty allows windows of up to 6 months.`,
		},
		{
			displayName: 'Until',
			name: 'until',
			type: 'dateTime',
			default: '',
			description: `End of the time window for ${what} (ISO 8601 with offset, e.g. 2026-11-28T23:59:59Z). PagerDuty allows windows of up to 6 months.`,
		},
	];
}
