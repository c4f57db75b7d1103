import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Locator } from '../../../shared/locators';
import { locator } from '../../../shared/locators';
import { invalidParameter } from '../../../shared/validation';

export const tagLocator = locator('tag', {
	displayName: 'Tag',
	name: 'tagId',
	required: true,
	description: 'The tag: search it by label, or give its ID (from Tag → Get Many or Create)',
});

type EntityType = 'users' | 'teams' | 'escalation_policies';

/** The entity types PagerDuty tags, with the locator of each. */
const ENTITY_TYPES: Array<{ name: string; value: EntityType; locator: Locator }> = [
	{
		name: 'Escalation Policy',
		value: 'escalation_policies',
		locator: locator('escalationPolicy', {
			displayName: 'Escalation Policy',
			name: 'escalationPolicyId',
			required: true,
			description: 'The escalation policy: pick it, paste its URL, or give its ID',
		}),
	},
	{
		name: 'Team',
		value: 'teams',
		locator: locator('team', {
			displayName: 'Team',
			name: 'teamId',
			required: true,
			description: 'The team: pick it, paste its URL, or give its ID',
		}),
	},
	{
		name: 'User',
		value: 'users',
		locator: locator('user', {
			displayName: 'User',
			name: 'userId',
			required: true,
			description: 'The user: pick them, paste their URL, or give their ID',
		}),
	},
];

export const entityTypeField: INodeProperties = {
	displayName: 'Entity Type',
	name: 'entityType',
	type: 'options',
	options: ENTITY_TYPES.map(({ name, value }) => ({ name, value })),
	default: 'users',
	description:
		'What kind of object wears the tags (PagerDuty tags users, teams and escalation policies)',
};

/** The entity type, then the locator of the chosen type. */
export const entityFields: INodeProperties[] = [
	entityTypeField,
	...ENTITY_TYPES.map(({ value, locator: entityLocator }) => ({
		...entityLocator.field,
		displayOptions: { show: { entityType: [value] } },
	})),
];

/** The entity type of one item (the path segment PagerDuty uses), one of the three. */
function readEntityTypeOf(context: IExecuteFunctions, itemIndex: number) {
	const value = context.getNodeParameter('entityType', itemIndex);
	const chosen = ENTITY_TYPES.find((entityType) => entityType.value === value);
	if (!chosen)
		throw invalidParameter(
			context,
			itemIndex,
			'Entity Type',
			`must be one of ${ENTITY_TYPES.map(({ value: type }) => type).join(', ')}`,
		);
	return chosen;
}

export const readEntityType = (context: IExecuteFunctions, itemIndex: number): EntityType =>
	readEntityTypeOf(context, itemIndex).value;

/** The entity chosen in one item: its type and its ID. */
export function readEntity(
	context: IExecuteFunctions,
	itemIndex: number,
): { entityType: EntityType; id: string } {
	const chosen = readEntityTypeOf(context, itemIndex);
	return { entityType: chosen.value, id: chosen.locator.read(context, itemIndex) };
}

export const tagIdsField: INodeProperties = {
	displayName: 'Tag IDs',
	name: 'tagIds',
	type: 'string',
	default: '',
	placeholder: 'P5IYCNZ,PTAG002',
	description: 'Existing tags, as comma-separated IDs (from Tag → Get Many)',
};
