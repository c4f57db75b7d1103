import { INCIDENT_DATES, INCIDENT_METRIC_OPTIONS, metricsOperation } from './fields';

export const getIncidentMetrics = metricsOperation({
	value: 'getIncidentMetrics',
	name: 'Get Incident Metrics',
	action: 'Get incident metrics',
	description:
		'Measure incidents over a period: how many, how many acknowledged or escalated, mean seconds to first acknowledgement and to resolution, interruptions and more. One item for the whole period, or one per day, week or month (Aggregate Unit).',
	endpoint: 'POST /analytics/metrics/incidents/all',
	dates: INCIDENT_DATES,
	options: INCIDENT_METRIC_OPTIONS,
	needsTeamOrService: true,
});
