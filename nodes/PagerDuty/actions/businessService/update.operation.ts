import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	businessServiceBody,
	businessServiceFields,
	businessServiceLocator,
	nameField,
} from './fields';
import { sortedByName, updateFieldsCollection } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { readRecord, requireChanges, sendRecord } from '../common';
import { defineOperation } from '../registry';

const updateFields = sortedByName(
	[
		nameField('New name; PagerDuty refuses a name another business service has'),
		...businessServiceFields,
	],
	(field) => field.displayName,
);

const properties: INodeProperties[] = [
	businessServiceLocator.field,
	updateFieldsCollection(updateFields),
];

/** The fields PagerDuty's PUT takes, as the business service has them now. */
function currentFields(current: IDataObject): IDataObject {
	const team = current.team as IDataObject | null | undefined;
	const fields: IDataObject = {
		name: current.name,
		description: current.description,
		point_of_contact: current.point_of_contact,
		...(team?.id ? { team: { id: team.id } } : {}),
	};
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => value != null));
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const businessServiceId = businessServiceLocator.read(this, itemIndex);
	const changes = businessServiceBody(
		this,
		itemIndex,
		this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
	);
	requireChanges(this, itemIndex, changes);
	const path = `/business_services/${pathId(businessServiceId)}`;
	// PagerDuty does not say that its PUT keeps the fields left out: send them as they are.
	const current = await readRecord(this, path, 'business_service');
	return await sendRecord(this, 'PUT', path, 'business_service', {
		...currentFields(current),
		...changes,
	});
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description:
		'Rename a business service or change its description, point of contact or team; the fields not given stay as they are. Needs its ID (Business Service → Get Many). Returns the updated business service.',
	endpoints: ['GET /business_services/{id}', 'PUT /business_services/{id}'],
	properties,
	execute,
});
