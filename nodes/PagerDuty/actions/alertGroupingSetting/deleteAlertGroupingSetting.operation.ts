import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { settingLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const settingId = settingLocator.read(this, itemIndex);
	await pagerDutyApiRequest.call(this, {
		method: 'DELETE',
		path: `/alert_grouping_settings/${pathId(settingId)}`,
	});
	return { deleted: true, id: settingId };
}

export const deleteAlertGroupingSetting = defineOperation({
	value: 'delete',
	name: 'Delete',
	description:
		"Remove an alert grouping setting: its services' alerts are no longer grouped by it. Needs its ID (Alert Grouping Setting → Get Many). Returns the deleted ID.",
	endpoints: ['DELETE /alert_grouping_settings/{id}'],
	properties: [settingLocator.field],
	execute,
});
