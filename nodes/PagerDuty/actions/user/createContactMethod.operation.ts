import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { userLocator } from './fields';
import { emailSchema, readParameter } from '../../../shared/validation';
import { pathId } from '../../helpers/utils';
import { sendRecord } from '../common';
import { defineOperation } from '../registry';

const PHONE_TYPES = ['phone_contact_method', 'sms_contact_method', 'whatsapp_contact_method'];

const properties: INodeProperties[] = [
	userLocator.field,
	{
		displayName: 'Type',
		name: 'contactMethodType',
		type: 'options',
		options: [
			{ name: 'Email', value: 'email_contact_method' },
			{ name: 'Phone (Voice Call)', value: 'phone_contact_method' },
			{ name: 'SMS', value: 'sms_contact_method' },
			{
				name: 'WhatsApp',
				value: 'whatsapp_contact_method',
				description: 'Only in some regions, and only where the account has WhatsApp enabled',
			},
		],
		default: 'email_contact_method',
		description:
			"How PagerDuty reaches the user on this method (push notifications are added by PagerDuty's mobile app)",
	},
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Work',
		description: 'Name of the contact method shown to the user, e.g. Work or Mobile',
	},
	{
		displayName: 'Email Address',
		name: 'emailAddress',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show: { contactMethodType: ['email_contact_method'] } },
		description: 'The email address PagerDuty notifies',
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5555555555',
		displayOptions: { hide: { contactMethodType: ['email_contact_method'] } },
		description:
			'The number without the country code (4 to 15 digits; spaces, dashes, dots and brackets are dropped)',
	},
	{
		displayName: 'Country Code',
		name: 'countryCode',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1999 },
		required: true,
		default: 1,
		displayOptions: { hide: { contactMethodType: ['email_contact_method'] } },
		description: 'The country calling code of the number, e.g. 1 for the US, 44 for the UK',
	},
	{
		displayName: 'Send Short Email',
		name: 'sendShortEmail',
		type: 'boolean',
		default: false,
		displayOptions: { show: { contactMethodType: ['email_contact_method'] } },
		description:
			'Whether PagerDuty sends a shortened email, for email-to-SMS gateways and email pagers',
	},
];

const labelSchema = z.string().trim().min(1, 'must not be empty');
const typeSchema = z.enum(['email_contact_method', ...PHONE_TYPES] as [string, ...string[]], {
	message:
		'must be one of email_contact_method, phone_contact_method, sms_contact_method or whatsapp_contact_method',
});
const phoneSchema = z
	.string({ invalid_type_error: 'must be text' })
	.transform((value) => value.replace(/[\s().-]/g, ''))
	.refine(
		(digits) => !digits.startsWith('+'),
		'must not hold the country code: put it in "Country Code"',
	)
	.refine(
		(digits) => /^\d{4,15}$/.test(digits),
		'must be the number of 4 to 15 digits without the country code, e.g. 5555555555',
	);
const countryCodeSchema = z.coerce
	.number({ invalid_type_error: 'must be a number' })
	.int('must be a whole number')
	.min(1, 'must be from 1 to 1999')
	.max(1999, 'must be from 1 to 1999');

/** The `contact_method` body of one item: the address checked as its type needs. */
function contactMethodOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const type = readParameter(context, itemIndex, 'contactMethodType', 'Type', typeSchema);
	const label = readParameter(context, itemIndex, 'label', 'Label', labelSchema);
	if (type === 'email_contact_method')
		return {
			type,
			label,
			address: readParameter(context, itemIndex, 'emailAddress', 'Email Address', emailSchema),
			send_short_email: context.getNodeParameter('sendShortEmail', itemIndex, false) as boolean,
		};
	return {
		type,
		label,
		address: readParameter(context, itemIndex, 'phoneNumber', 'Phone Number', phoneSchema),
		country_code: readParameter(
			context,
			itemIndex,
			'countryCode',
			'Country Code',
			countryCodeSchema,
		),
	};
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = userLocator.read(this, itemIndex);
	const contactMethod = contactMethodOf(this, itemIndex);
	return await sendRecord(
		this,
		'POST',
		`/users/${pathId(userId)}/contact_methods`,
		'contact_method',
		contactMethod,
	);
}

export const createContactMethod = defineOperation({
	value: 'createContactMethod',
	name: 'Create Contact Method',
	action: 'Create a contact method for a user',
	description:
		"Add an email address or a phone number (voice, SMS, WhatsApp) to a user's contact methods, so notification rules can use it. Needs the user (User → Get Many). Returns the new contact method with its ID.",
	endpoints: ['POST /users/{id}/contact_methods'],
	properties,
	execute,
});
