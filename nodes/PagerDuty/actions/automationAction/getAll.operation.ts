import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locator } from '../../../shared/locators';
import { pagerDutyIdSchema, validate } from '../../../shared/validation';
import { returnAllAndLimit, optionsCollection } from '../../descriptions/common';
import { readList } from '../common';
import { defineOperation } from '../registry';

const teamLocator = locator('team', {
	displayName: 'Team',
	name: 'teamId',
	description: 'Only the actions of this team: pick it, paste its URL, or give its ID',
});

const serviceLocator = locator('service', {
	displayName: 'Service',
	name: 'serviceId',
	description: 'Only the actions linked to this service: pick it, paste its URL, or give its ID',
});

const properties: INodeProperties[] = [
	...returnAllAndLimit('automation actions'),
	optionsCollection([
		{
			displayName: 'Action Type',
			name: 'actionType',
			type: 'options',
			options: [
				{ name: 'Process Automation', value: 'process_automation' },
				{ name: 'Script', value: 'script' },
			],
			default: 'script',
			description:
				'Only actions that run a script, or only those that run a Process Automation job',
		},
		{
			displayName: 'Classification',
			name: 'classification',
			type: 'options',
			options: [
				{
					name: 'Diagnostic',
					value: 'diagnostic',
					description: 'Actions that gather information',
				},
				{ name: 'Remediation', value: 'remediation', description: 'Actions that fix something' },
			],
			default: 'diagnostic',
			description: 'Only actions of this classification',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Only actions whose name contains this text (any case)',
		},
		{
			displayName: 'Runner ID',
			name: 'runnerId',
			type: 'string',
			default: '',
			description: 'Only the actions of this runner; "any" for the actions linked to some runner',
		},
		serviceLocator.field,
		teamLocator.field,
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: '/automation_actions/actions',
		property: 'actions',
		paging: 'cursor',
		query: (options) => ({
			name: options.name,
			runner_id:
				options.runnerId === undefined || options.runnerId === 'any'
					? options.runnerId
					: validate(this, itemIndex, 'Runner ID', pagerDutyIdSchema, options.runnerId),
			classification: options.classification,
			action_type: options.actionType,
			team_id: options.teamId && teamLocator.readValue(this, options.teamId, itemIndex),
			service_id: options.serviceId && serviceLocator.readValue(this, options.serviceId, itemIndex),
		}),
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		"List the account's automation actions (scripts and Process Automation jobs runners execute on incidents), optionally by name, type, classification, runner, service or team. Returns their IDs for Invoke.",
	endpoints: ['GET /automation_actions/actions'],
	properties,
	execute,
});
