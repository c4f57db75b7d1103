import { locator } from '../../../shared/locators';

export const incidentWorkflowLocator = locator('incidentWorkflow', {
	displayName: 'Incident Workflow',
	name: 'incidentWorkflowId',
	required: true,
	description:
		'The incident workflow: pick one, paste its PagerDuty URL, or give its ID (from Incident Workflow → Get Many)',
});
