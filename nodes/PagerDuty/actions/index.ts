import { alert } from './alert';
import { apiCall } from './apiCall';
import { auditRecord } from './auditRecord';
import { changeEvent } from './changeEvent';
import { escalationPolicy } from './escalationPolicy';
import { extensionSchema } from './extensionSchema';
import { incident } from './incident';
import { incidentNote } from './incidentNote';
import { logEntry } from './logEntry';
import { maintenanceWindow } from './maintenanceWindow';
import { onCall } from './onCall';
import { priority } from './priority';
import type { Resource } from './registry';
import { defineNode } from './registry';
import { schedule } from './schedule';
import { service } from './service';
import { shiftCustomShift } from './shiftCustomShift';
import { shiftOverride } from './shiftOverride';
import { shiftRotationEvent } from './shiftRotationEvent';
import { shiftSchedule } from './shiftSchedule';
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
