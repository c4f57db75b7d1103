import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { GroupingType } from './fields';
import {
	configFieldNamesOf,
	configFieldsByType,
	configOf,
	nameAndDescriptionFields,
	readServiceIds,
	serviceIdsField,
	servicesOf,
	typeField,
} from './fields';
import { additionalFieldsCollection } from '../../descriptions/common';
import { withoutEmpty } from '../../helpers/utils';
import { sendRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	typeField,
	{ ...serviceIdsField, required: true },
	...configFieldsByType,
	additionalFieldsCollection(nameAndDescriptionFields),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = this.getNodeParameter('type', itemIndex) as GroupingType;
	const values = Object.fromEntries(
		configFieldNamesOf(type).map((name) => [name, this.getNodeParameter(name, itemIndex)]),
	);
	const config = configOf(this, itemIndex, type, values);
	const serviceIds = readServiceIds(
		this,
		itemIndex,
		this.getNodeParameter('serviceIds', itemIndex),
	);
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return await sendRecord(this, 'POST', '/alert_grouping_settings', 'alert_grouping_setting', {
		type,
		config,
		services: servicesOf(this, itemIndex, type, serviceIds),
		...withoutEmpty({ name: additionalFields.name, description: additionalFields.description }),
	});
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description:
		"Set how alerts of one or more services are grouped into incidents: by content (matching fields), by time, or intelligently. Needs the services' IDs (Service → Get Many). Returns the setting with its ID.",
	endpoints: ['POST /alert_grouping_settings'],
	properties,
	execute,
});
