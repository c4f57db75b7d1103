import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { settingLocator } from './fields';
import { pathId } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const settingId = settingLocator.read(this, itemIndex);
	return await readRecord(
		this,
		`/alert_grouping_settings/${pathId(settingId)}`,
		'alert_grouping_setting',
	);
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
