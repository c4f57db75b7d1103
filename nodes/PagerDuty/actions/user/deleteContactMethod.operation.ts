import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { contactMethodIdField, readContactMethodId, userLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [userLocator.field, contactMethodIdField];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = userLocator.read(this, itemIndex);
	const contactMethodId = readContactMethodId(this, itemIndex);
	await pagerDutyApiRequest.call(this, {
		method: 'DELETE',
		path: `/users/${pathId(userId)}/contact_methods/${pathId(contactMethodId)}`,
	});
	return { deleted: true, id: contactMethodId, user_id: userId };
}

export const deleteContactMethod = defineOperation({
	value: 'deleteContactMethod',
	name: 'Delete Contact Method',
	action: 'Delete a contact method of a user',
	description:
		"Remove one of a user's contact methods. Needs the user and the contact method's ID (User → Get Many Contact Methods). Returns the deleted ID.",
	endpoints: ['DELETE /users/{id}/contact_methods/{contact_method_id}'],
	properties,
	execute,
});
