import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { locator } from '../../../shared/locators';
import {
	emailSchema,
	pagerDutyIdSchema,
	readParameter,
	timeZoneSchema,
	validate,
} from '../../../shared/validation';
import { includeField } from '../../descriptions/include';

export const userLocator = locator('user', {
	displayName: 'User',
	name: 'userId',
	required: true,
	description:
		'The PagerDuty user: pick one, paste their profile URL, or give the ID (from User → Get Many)',
});

export const userIncludeField: INodeProperties = includeField([
	{ name: 'Contact Methods', value: 'contact_methods' },
	{ name: 'Notification Rules', value: 'notification_rules' },
	{ name: 'Teams', value: 'teams' },
]);

// The schedule colors PagerDuty accepts for a user.
const USER_COLORS = [
	'blue',
	'brown',
	'cayenne',
	'dark-goldenrod',
	'dark-green',
	'dark-magenta',
	'dark-orange',
	'dark-orchid',
	'dark-slate-blue',
	'dark-slate-gray',
	'dark-slate-grey',
	'deep-pink',
	'green',
	'lime',
	'lime-green',
	'midnight-blue',
	'orange',
	'orange-red',
	'purple',
	'red',
	'teal',
	'turquoise',
];

const roleField: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	// PagerDuty's API role names differ from the web app's; the web app's are shown. The account
	// owner role cannot be given through the API.
	options: [
		{
			name: 'Full Stakeholder',
			value: 'read_only_user',
			description: 'Can see everything, cannot act on incidents',
		},
		{
			name: 'Global Admin',
			value: 'admin',
			description: 'Can change every setting and manage users',
		},
		{
			name: 'Limited Stakeholder',
			value: 'read_only_limited_user',
			description: 'Can see only what their teams see',
		},
		{
			name: 'Manager',
			value: 'user',
			description: 'Can manage services, schedules and escalation policies',
		},
		{ name: 'Observer', value: 'observer', description: 'Can see incidents, not change them' },
		{
			name: 'Responder',
			value: 'limited_user',
			description: 'Can act on the incidents they are paged for',
		},
		{
			name: 'Restricted Access',
			value: 'restricted_access',
			description: "Sees only their own teams' objects",
		},
	],
	default: 'user',
	description:
		"The user's base role in the account (PagerDuty plans offer different sets of roles)",
};

/** Profile fields Create takes as "Additional Fields" and Update as "Update Fields". */
export const profileFields: INodeProperties[] = [
	{
		displayName: 'Color',
		name: 'color',
		type: 'options',
		options: USER_COLORS.map((color) => ({ name: color, value: color })),
		default: 'purple',
		description: 'Color the user is shown in on schedules',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'Free text about the user, shown on their profile',
	},
	{
		displayName: 'Job Title',
		name: 'jobTitle',
		type: 'string',
		default: '',
		description: "The user's job title (up to 100 characters)",
	},
	roleField,
	{
		displayName: 'Time Zone Name or ID',
		name: 'timeZone',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTimezones' },
		default: '',
		description:
			'Time zone the user\'s notifications and schedules are shown in (IANA name such as Europe/Berlin). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const nameSchema = z
	.string()
	.trim()
	.min(1, 'must not be empty')
	.max(100, 'must be at most 100 characters');
export const userEmailSchema = emailSchema.pipe(
	z.string().max(100, 'must be at most 100 characters'),
);

/** PagerDuty's `user` body fields from one item's collection; the name and email when given there too. */
export function userChanges(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const check = <Schema extends z.ZodTypeAny>(label: string, schema: Schema, value: unknown) =>
		validate(context, itemIndex, label, schema, value);
	const user: IDataObject = {};
	if (fields.name !== undefined) user.name = check('Name', nameSchema, fields.name);
	if (fields.email !== undefined) user.email = check('Email', userEmailSchema, fields.email);
	if (fields.role) user.role = fields.role;
	if (fields.timeZone) user.time_zone = check('Time Zone', timeZoneSchema, fields.timeZone);
	if (fields.jobTitle !== undefined)
		user.job_title = check(
			'Job Title',
			z.string().trim().max(100, 'must be at most 100 characters'),
			fields.jobTitle,
		);
	if (fields.color) {
		const colorSchema = z.enum(USER_COLORS as [string, ...string[]], {
			message: "must be one of PagerDuty's schedule colors, e.g. purple",
		});
		user.color = check('Color', colorSchema, fields.color);
	}
	if (fields.description !== undefined) user.description = fields.description;
	return user;
}

/** A contact method of the user chosen in "User" (the list depends on it), or its ID by expression. */
export const contactMethodIdField: INodeProperties = {
	displayName: 'Contact Method Name or ID',
	name: 'contactMethodId',
	type: 'options',
	typeOptions: {
		loadOptionsMethod: 'getUserContactMethods',
		loadOptionsDependsOn: ['userId.value'],
	},
	required: true,
	default: '',
	description:
		'One of the user\'s contact methods (User → Get Many Contact Methods lists them). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The contact method ID of one item, checked before it goes into a path. */
export const readContactMethodId = (context: IExecuteFunctions, itemIndex: number) =>
	readParameter(context, itemIndex, 'contactMethodId', 'Contact Method', pagerDutyIdSchema);

/** A notification rule of the user chosen in "User" (the list depends on it), or its ID by expression. */
export const notificationRuleIdField: INodeProperties = {
	displayName: 'Notification Rule Name or ID',
	name: 'notificationRuleId',
	type: 'options',
	typeOptions: {
		loadOptionsMethod: 'getUserNotificationRules',
		loadOptionsDependsOn: ['userId.value'],
	},
	required: true,
	default: '',
	description:
		'One of the user\'s notification rules (User → Get Many Notification Rules lists them). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
