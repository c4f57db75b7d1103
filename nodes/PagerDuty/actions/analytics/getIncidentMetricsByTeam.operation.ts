import { INCIDENT_DATES, INCIDENT_METRIC_OPTIONS, metricsOperation } from './fields';

export const getIncidentMetricsByTeam = metricsOperation({
	value: 'getIncidentMetricsByTeam',
	name: 'Get Incident Metrics by Team',
	action: 'Get incident metrics by team',
	description:
		'Measure incidents over a period per team (team_id, team_name): counts, mean seconds to acknowledge and resolve, escalations and more. One item per team, or per team and day, week or month (Aggregate Unit).',
	endpoint: 'POST /analytics/metrics/incidents/teams',
	dates: INCIDENT_DATES,
	options: INCIDENT_METRIC_OPTIONS,
	needsTeamOrService: true,
});
