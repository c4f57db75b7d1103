import { metricsOperation, RESPONDER_DATES, RESPONDER_METRIC_OPTIONS } from './fields';

export const getResponderMetrics = metricsOperation({
	value: 'getResponderMetrics',
	name: 'Get Responder Metrics',
	action: 'Get responder metrics',
	description:
		'Measure each responder per team over a period: incidents assigned and acknowledged, mean seconds to acknowledge, time on call, interruptions and notifications. One item per responder and team.',
	endpoint: 'POST /analytics/metrics/responders/teams',
	dates: RESPONDER_DATES,
	options: RESPONDER_METRIC_OPTIONS,
	needsTeamOrService: false,
});
