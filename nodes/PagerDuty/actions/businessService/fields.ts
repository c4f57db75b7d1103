import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { locator } from '../../../shared/locators';
import { validate } from '../../../shared/validation';

export const businessServiceLocator = locator('businessService', {
	displayName: 'Business Service',
	name: 'businessServiceId',
	required: true,
	description:
		'The business service: pick it from the list or give its ID (from Business Service → Get Many or Create)',
});

const teamLocator = locator('team', {
	displayName: 'Team',
	name: 'teamId',
	description:
		'The team that owns the business service: pick it, paste its URL, or give its ID (from Team → Get Many)',
});

const nameSchema = z.string().trim().min(1, 'must not be empty');

export const nameField = (description: string): INodeProperties => ({
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description,
});

/** The settings Create takes as "Additional Fields" and Update as "Update Fields" (with Name). */
export const businessServiceFields: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'What the business service is, as the business sees it',
	},
	{
		displayName: 'Point of Contact',
		name: 'pointOfContact',
		type: 'string',
		default: '',
		placeholder: 'e.g. Payments Lead',
		description: 'Who owns the business service (free text: a person, a role or a channel)',
	},
	teamLocator.field,
];

/** The business service body fields for the settings present in one item's collection. */
export function businessServiceBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined)
		body.name = validate(context, itemIndex, 'Name', nameSchema, fields.name);
	if (fields.description !== undefined) body.description = fields.description;
	if (fields.pointOfContact !== undefined) body.point_of_contact = fields.pointOfContact;
	if (fields.teamId !== undefined)
		body.team = { id: teamLocator.readValue(context, fields.teamId, itemIndex) };
	return body;
}
