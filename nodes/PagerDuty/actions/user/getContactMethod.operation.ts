import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { contactMethodIdField, readContactMethodId, userLocator } from './fields';
import { pathId } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [userLocator.field, contactMethodIdField];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = userLocator.read(this, itemIndex);
	const contactMethodId = readContactMethodId(this, itemIndex);
	return await readRecord(
		this,
		`/users/${pathId(userId)}/contact_methods/${pathId(contactMethodId)}`,
		'contact_method',
	);
}

export const getContactMethod = defineOperation({
	value: 'getContactMethod',
	name: 'Get Contact Method',
	action: 'Get a contact method of a user',
	description:
		"Read one of a user's contact methods (type, label, address, country code). Needs the user and the contact method's ID (User → Get Many Contact Methods). Returns the contact method.",
	endpoints: ['GET /users/{id}/contact_methods/{contact_method_id}'],
	properties,
	execute,
});
