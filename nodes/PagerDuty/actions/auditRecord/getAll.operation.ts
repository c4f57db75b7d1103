import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { auditWindowChecksItself, auditWindowFields, readAuditRecords } from './list';
import { invalidParameter, pagerDutyIdSchema, validate } from '../../../shared/validation';
import { optionsCollection, returnAllAndLimit } from '../../descriptions/common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...returnAllAndLimit('audit records'),
	optionsCollection([
		{
			displayName: 'Actions',
			name: 'actions',
			type: 'multiOptions',
			options: [
				{ name: 'Create', value: 'create' },
				{ name: 'Delete', value: 'delete' },
				{ name: 'Update', value: 'update' },
			],
			default: [],
			description: 'Only records of these actions',
		},
		{
			displayName: 'Actor ID',
			name: 'actorId',
			type: 'string',
			default: '',
			placeholder: 'e.g. PXPGF42',
			description:
				'Only records of this actor: a user ID (User → Get Many), an API key ID or an app ID. Needs Actor Type.',
		},
		{
			displayName: 'Actor Type',
			name: 'actorType',
			type: 'options',
			options: [
				{ name: 'API Key', value: 'api_key_reference' },
				{ name: 'App', value: 'app_reference' },
				{ name: 'User', value: 'user_reference' },
			],
			default: 'user_reference',
			description: 'Only records of actors of this kind',
		},
		{
			displayName: 'Method Token Suffix',
			name: 'methodTruncatedToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'e.g. 3xyz',
			description:
				'Only records made with the API token or OAuth token ending in these characters (the last 4). Needs Method Type.',
		},
		{
			displayName: 'Method Type',
			name: 'methodType',
			type: 'options',
			options: [
				{ name: 'API Token', value: 'api_token' },
				{ name: 'Browser', value: 'browser' },
				{ name: 'Identity Provider', value: 'identity_provider' },
				{ name: 'OAuth', value: 'oauth' },
				{ name: 'Other', value: 'other' },
			],
			default: 'api_token',
			description: 'Only records of changes made this way',
		},
		{
			displayName: 'Resource Types',
			name: 'rootResourceTypes',
			type: 'multiOptions',
			options: [
				{ name: 'Escalation Policies', value: 'escalation_policies' },
				{ name: 'IP Allow Lists', value: 'ip_allow_lists' },
				{ name: 'Schedules', value: 'schedules' },
				{ name: 'Services', value: 'services' },
				{ name: 'Teams', value: 'teams' },
				{ name: 'Users', value: 'users' },
			],
			default: [],
			description: 'Only records of changes to objects of these types',
		},
		...auditWindowFields,
	]),
];

/** The filters of one item; an ID or token suffix without the kind it belongs to is refused. */
function filtersOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const actorId = String(options.actorId ?? '').trim();
	const token = String(options.methodTruncatedToken ?? '').trim();
	if (actorId && options.actorType === undefined)
		throw invalidParameter(context, itemIndex, 'Actor ID', 'needs "Actor Type" too');
	if (token && options.methodType === undefined)
		throw invalidParameter(context, itemIndex, 'Method Token Suffix', 'needs "Method Type" too');
	return {
		root_resource_types: options.rootResourceTypes,
		actions: options.actions,
		actor_type: options.actorType,
		actor_id: actorId
			? validate(context, itemIndex, 'Actor ID', pagerDutyIdSchema, actorId)
			: undefined,
		method_type: options.methodType,
		method_truncated_token: token || undefined,
	};
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readAuditRecords(this, itemIndex, '/audit/records', filtersOf(this, itemIndex));
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		"List the account's audit trail, newest first: who created, changed or deleted users, teams, schedules, escalation policies and services, when and how. By default the last 24 hours; any Since–Until window (read in 31-day slices). Needs the Audit Trail plan feature and an admin, the account owner or an account-level key. Returns one item per record.",
	endpoints: ['GET /audit/records'],
	properties,
	checksItself: auditWindowChecksItself,
	execute,
});
