import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { settingLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const settingId = settingLocator.read(this, itemIndex);
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/alert_grouping_settings/${pathId(settingId)}`,
	});
	return response.alert_grouping_setting as IDataObject;
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description:
		'Read one alert grouping setting: its type, config and services. Needs its ID (Alert Grouping Setting → Get Many).',
	endpoints: ['GET /alert_grouping_settings/{id}'],
	properties: [settingLocator.field],
	execute,
});
