import { locator } from '../../../shared/locators';

export const actionLocator = locator('automationAction', {
	displayName: 'Automation Action',
	name: 'automationActionId',
	required: true,
	description:
		'The automation action: search it by name, or give its ID (from Automation Action → Get Many)',
});
