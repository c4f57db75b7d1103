import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { userLocator } from './fields';
import { optionsCollection, returnAllAndLimit } from '../../descriptions/common';
import { includeField, includeValues } from '../../descriptions/include';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { readWholeList } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	userLocator.field,
	...returnAllAndLimit('notification rules'),
	optionsCollection([
		includeField(
			[{ name: 'Contact Methods', value: 'contact_methods' }],
			"Whether each rule's contact method comes in full (label, address) instead of as a reference",
		),
		{
			displayName: 'Urgency',
			name: 'urgency',
			type: 'options',
			options: [
				{ name: 'All', value: 'all' },
				{ name: 'High', value: 'high' },
				{ name: 'Low', value: 'low' },
			],
			default: 'all',
			description:
				'Only the rules for incidents of this urgency. All by default here; PagerDuty itself lists only high-urgency rules when not asked.',
		},
	]),
];

/** PagerDuty returns a user's notification rules in one answer, without pages. */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = userLocator.read(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return await readWholeList(this, itemIndex, {
		path: `/users/${pathId(userId)}/notification_rules`,
		property: 'notification_rules',
		qs: withoutEmpty({
			urgency: options.urgency ?? 'all',
			include: includeValues(options.include),
		}),
	});
}

export const getAllNotificationRules = defineOperation({
	value: 'getAllNotificationRules',
	name: 'Get Many Notification Rules',
	action: 'Get many notification rules of a user',
	description:
		"List a user's notification rules: which contact method PagerDuty notifies how many minutes after an incident is assigned to them, per urgency. Needs the user (User → Get Many). Returns one item per rule.",
	endpoints: ['GET /users/{id}/notification_rules'],
	properties,
	execute,
});
