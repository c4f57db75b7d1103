/** Operation key ('GET /users/{id}') → handler, for every operation the sandbox serves. */
import { notFound } from './errors';
import { ABILITY_HANDLERS } from './rest-abilities';
import { ALERT_GROUPING_HANDLERS } from './rest-alert-grouping';
import { ALERT_HANDLERS } from './rest-alerts';
import { ANALYTICS_HANDLERS } from './rest-analytics';
import { AUDIT_HANDLERS } from './rest-audit';
import { AUTOMATION_ACTION_HANDLERS } from './rest-automation-actions';
import { BUSINESS_SERVICE_HANDLERS, SERVICE_DEPENDENCY_HANDLERS } from './rest-business-services';
import { CHANGE_EVENT_HANDLERS } from './rest-change-events';
import { paginate, queryValue, RestHandler } from './rest-common';
import { ESCALATION_POLICY_HANDLERS } from './rest-escalation-policies';
import { EVENT_ORCHESTRATION_HANDLERS } from './rest-event-orchestrations';
import { EXTENSION_SCHEMA_HANDLERS } from './rest-extension-schemas';
import { INCIDENT_ACTION_HANDLERS } from './rest-incident-actions';
import { INCIDENT_EXTRA_HANDLERS } from './rest-incident-extras';
import { INCIDENT_TYPE_HANDLERS } from './rest-incident-types';
import { INCIDENT_WORKFLOW_HANDLERS } from './rest-incident-workflows';
import { filterLogEntries, INCIDENT_HANDLERS, renderLogEntry } from './rest-incidents';
import { INTEGRATION_HANDLERS } from './rest-integrations';
import { MAINTENANCE_WINDOW_HANDLERS } from './rest-maintenance-windows';
import { ONCALL_HANDLERS } from './rest-oncalls';
import { SCHEDULE_HANDLERS } from './rest-schedules';
import { SERVICE_HANDLERS } from './rest-services';
import { STATUS_PAGE_HANDLERS } from './rest-status-pages';
import { TAG_HANDLERS } from './rest-tags';
import { TEAM_HANDLERS } from './rest-teams';
import { USER_HANDLERS } from './rest-users';
import { V3_SCHEDULE_HANDLERS } from './rest-v3-schedules';
import { WEBHOOK_SUBSCRIPTION_HANDLERS } from './rest-webhooks';
export const REST_HANDLERS: Record<string, RestHandler> = {
	...INCIDENT_HANDLERS,
	...SERVICE_HANDLERS,
	...ESCALATION_POLICY_HANDLERS,
	...SCHEDULE_HANDLERS,
	...ONCALL_HANDLERS,
	...USER_HANDLERS,
	...TEAM_HANDLERS,
	...MAINTENANCE_WINDOW_HANDLERS,
	...CHANGE_EVENT_HANDLERS,
	...ALERT_HANDLERS,
	...INCIDENT_ACTION_HANDLERS,
	...WEBHOOK_SUBSCRIPTION_HANDLERS,
	...INCIDENT_EXTRA_HANDLERS,
	...INCIDENT_TYPE_HANDLERS,
	...INCIDENT_WORKFLOW_HANDLERS,
	...STATUS_PAGE_HANDLERS,
	...ANALYTICS_HANDLERS,
	...ABILITY_HANDLERS,
	...BUSINESS_SERVICE_HANDLERS,
	...SERVICE_DEPENDENCY_HANDLERS,
	...INTEGRATION_HANDLERS,
	...EVENT_ORCHESTRATION_HANDLERS,
	...ALERT_GROUPING_HANDLERS,
	...AUTOMATION_ACTION_HANDLERS,
	...TAG_HANDLERS,
	...AUDIT_HANDLERS,
	...EXTENSION_SCHEMA_HANDLERS,
	...V3_SCHEDULE_HANDLERS,

	'GET /log_entries': (store, request) => {
		const entries = filterLogEntries(store, request, store.logEntries);
		const timeZone = queryValue(request, 'time_zone');
		return paginate(request, entries, 'log_entries', (entry) => renderLogEntry(entry, timeZone));
	},
	'GET /log_entries/{id}': (store, request) => {
		const entry = store.logEntry(request.match.pathParams.id);
		if (!entry) throw notFound();
		return {
			status: 200,
			body: { log_entry: renderLogEntry(entry, queryValue(request, 'time_zone')) },
		};
	},
};
