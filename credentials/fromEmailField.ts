import type { INodeProperties } from 'n8n-workflow';

/** The From email for tokens that carry no user (account-level API keys, Scoped OAuth app tokens). */
export const defaultFromEmailField: INodeProperties = {
	displayName: 'Default From Email',
	name: 'defaultFromEmail',
	type: 'string',
	placeholder: 'e.g. name@email.com',
	default: '',
	description:
		'Email of a PagerDuty user that writes act as (PagerDuty\'s "From" header), for tokens that carry no user: account-level API keys and app tokens. A node\'s own Email field overrides it. User tokens do not need it.',
	hint: "Needed for writes with an account-level key or an app token; a node's own Email field overrides it. User tokens do not need it.",
};
