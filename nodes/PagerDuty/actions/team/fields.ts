import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { locator } from '../../../shared/locators';
import { validate } from '../../../shared/validation';

export const teamLocator = locator('team', {
	displayName: 'Team',
	name: 'teamId',
	required: true,
	description:
		'The PagerDuty team: pick one, paste its URL, or give its ID (from Team → Get Many or Create)',
});

/** Fields Create takes as "Additional Fields" and Update as "Update Fields" (besides the name). */
export const teamDetailFields: INodeProperties[] = [
	{
		displayName: 'Default Role',
		name: 'defaultRole',
		type: 'options',
		options: [
			{ name: 'Manager', value: 'manager', description: 'New members become team managers' },
			{ name: 'None', value: 'none', description: 'New members keep only their account role' },
		],
		default: 'manager',
		description: 'The team role users get when they are added without one',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'What the team does (up to 1,024 characters)',
	},
];

export const teamNameSchema = z
	.string()
	.trim()
	.min(1, 'must not be empty')
	.max(100, 'must be at most 100 characters');

/** PagerDuty's `team` body fields from one item's collection. */
export function teamChanges(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const team: IDataObject = {};
	if (fields.name !== undefined)
		team.name = validate(context, itemIndex, 'Name', teamNameSchema, fields.name);
	if (fields.description !== undefined) {
		team.description = validate(
			context,
			itemIndex,
			'Description',
			z.string().max(1024, 'must be at most 1,024 characters'),
			fields.description,
		);
	}
	if (fields.defaultRole) team.default_role = fields.defaultRole;
	return team;
}
