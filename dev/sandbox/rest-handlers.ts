/** Operation key ('GET /users/{id}') → handler, for every operation the sandbox serves. */
import { notFound } from './errors';
import { ALERT_HANDLERS } from './rest-alerts';
import { AUDIT_HANDLERS } from './rest-audit';
import { CHANGE_EVENT_HANDLERS } from './rest-change-events';
import { paginate, queryValue, RestHandler } from './rest-common';
import { ESCALATION_POLICY_HANDLERS } from './rest-escalation-policies';
import { EXTENSION_SCHEMA_HANDLERS } from './rest-extension-schemas';
import { INCIDENT_ACTION_HANDLERS } from './rest-incident-actions';
import { filterLogEntries, INCIDENT_HANDLERS, renderLogEntry } from './rest-incidents';
import { MAINTENANCE_WINDOW_HANDLERS } from './rest-maintenance-windows';
import { ONCALL_HANDLERS } from './rest-oncalls';
import { SCHEDULE_HANDLERS } from './rest-schedules';
import { SERVICE_HANDLERS } from './rest-services';
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

	'GET /abilities': (store) => ({ status: 200, body: { abilities: store.abilities } }),
};
