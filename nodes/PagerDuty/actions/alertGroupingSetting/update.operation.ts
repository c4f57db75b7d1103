import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { GroupingType } from './fields';
import {
	configFields,
	configOf,
	nameAndDescriptionFields,
	readServiceIds,
	serviceIdsField,
	servicesOf,
	settingLocator,
	typeField,
} from './fields';
import { sortedByName, updateFieldsCollection } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { readRecord, requireChanges, sendRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	settingLocator.field,
	updateFieldsCollection(
		sortedByName(
			[
				{ ...typeField, description: 'A new type; its config starts afresh from the fields given' },
				serviceIdsField,
				...configFields,
				...nameAndDescriptionFields,
			],
			(field) => field.displayName,
		),
	),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const settingId = settingLocator.read(this, itemIndex);
	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	requireChanges(this, itemIndex, updateFields);
	const { type: newType, serviceIds, name, description, ...configValues } = updateFields;
	const path = `/alert_grouping_settings/${pathId(settingId)}`;
	// PagerDuty's PUT needs type and config whole: start from the setting as it is.
	const current = await readRecord(this, path, 'alert_grouping_setting');
	const type = (newType ?? current.type) as GroupingType;
	const sameType = type === current.type;
	const config = configOf(
		this,
		itemIndex,
		type,
		configValues,
		sameType ? (current.config as IDataObject) : {},
	);
	const ids =
		serviceIds !== undefined
			? readServiceIds(this, itemIndex, serviceIds)
			: ((current.services as IDataObject[] | undefined) ?? []).map(({ id }) => String(id));
	const services = servicesOf(this, itemIndex, type, ids);
	return await sendRecord(this, 'PUT', path, 'alert_grouping_setting', {
		type,
		config,
		// PagerDuty keeps the services when they are left out.
		...(serviceIds !== undefined && { services }),
		name: name ?? current.name,
		description: description ?? current.description,
	});
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description:
		"Change an alert grouping setting's type, config, services, name or description; what is not given stays. Needs its ID (Alert Grouping Setting → Get Many). Returns the updated setting.",
	endpoints: ['GET /alert_grouping_settings/{id}', 'PUT /alert_grouping_settings/{id}'],
	properties,
	execute,
});
