import { getAllRawIncidents } from './getAllRawIncidents.operation';
import { getIncidentMetrics } from './getIncidentMetrics.operation';
import { getIncidentMetricsByService } from './getIncidentMetricsByService.operation';
import { getIncidentMetricsByTeam } from './getIncidentMetricsByTeam.operation';
import { getResponderLoad } from './getResponderLoad.operation';
import { getResponderMetrics } from './getResponderMetrics.operation';
import { defineResource } from '../registry';

export const analytics = defineResource({
	option: {
		name: 'Analytics',
		value: 'analytics',
		description:
			'Incident and responder metrics over a period (by service, team or responder) and raw incident analytics',
	},
	noun: 'incident metric',
	plural: 'incident metrics',
	article: 'an',
	defaultOperation: 'getIncidentMetrics',
	operations: [
		getIncidentMetrics,
		getIncidentMetricsByService,
		getIncidentMetricsByTeam,
		getResponderMetrics,
		getResponderLoad,
		getAllRawIncidents,
	],
});
