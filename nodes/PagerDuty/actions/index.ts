import { ability } from './ability';
import { alert } from './alert';
import { alertGroupingSetting } from './alertGroupingSetting';
import { analytics } from './analytics';
import { apiCall } from './apiCall';
import { auditRecord } from './auditRecord';
import { automationAction } from './automationAction';
import { businessService } from './businessService';
import { changeEvent } from './changeEvent';
import { escalationPolicy } from './escalationPolicy';
import { eventOrchestration } from './eventOrchestration';
import { extensionSchema } from './extensionSchema';
import { incident } from './incident';
import { incidentNote } from './incidentNote';
import { incidentType } from './incidentType';
import { incidentWorkflow } from './incidentWorkflow';
import { logEntry } from './logEntry';
import { maintenanceWindow } from './maintenanceWindow';
import { onCall } from './onCall';
import { priority } from './priority';
import type { Resource } from './registry';
import { defineNode } from './registry';
import { schedule } from './schedule';
import { service } from './service';
import { serviceDependency } from './serviceDependency';
import { serviceIntegration } from './serviceIntegration';
import { shiftCustomShift } from './shiftCustomShift';
import { shiftOverride } from './shiftOverride';
import { shiftRotationEvent } from './shiftRotationEvent';
import { shiftSchedule } from './shiftSchedule';
import { statusPage } from './statusPage';
import { statusPagePost } from './statusPagePost';
import { tag } from './tag';
import { team } from './team';
import { user } from './user';
import { webhookSubscription } from './webhookSubscription';

/**
 * Every resource of the PagerDuty node, in the order their fields stand in its properties. The node's
 * Resource list, its fields and the router's lookup are all derived from this one list.
 */
export const resources: Resource[] = [
	alert,
	apiCall,
	changeEvent,
	escalationPolicy,
	incident,
	incidentNote,
	logEntry,
	maintenanceWindow,
	onCall,
	priority,
	schedule,
	service,
	team,
	user,
	webhookSubscription,
	incidentType,
	incidentWorkflow,
	statusPage,
	statusPagePost,
	analytics,
	ability,
	businessService,
	serviceDependency,
	serviceIntegration,
	eventOrchestration,
	alertGroupingSetting,
	automationAction,
	tag,
	auditRecord,
	extensionSchema,
	shiftSchedule,
	shiftRotationEvent,
	shiftCustomShift,
	shiftOverride,
];

export const pagerDutyNode = defineNode({
	resources,
	taskPhrases: [
		'create an incident',
		'acknowledge an incident',
		'resolve an incident',
		'who is on call',
	],
});
