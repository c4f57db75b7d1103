import { INCIDENT_DATES, INCIDENT_METRIC_OPTIONS, metricsOperation } from './fields';

export const getIncidentMetricsByService = metricsOperation({
	value: 'getIncidentMetricsByService',
	name: 'Get Incident Metrics by Service',
	action: 'Get incident metrics by service',
	description:
		'Measure incidents over a period per service (service_id, service_name): counts, mean seconds to acknowledge and resolve, escalations and more. One item per service, or per service and day, week or month (Aggregate Unit).',
	endpoint: 'POST /analytics/metrics/incidents/services',
	dates: INCIDENT_DATES,
	options: INCIDENT_METRIC_OPTIONS,
	needsTeamOrService: true,
});
