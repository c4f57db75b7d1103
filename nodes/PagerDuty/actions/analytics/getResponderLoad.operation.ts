import { metricsOperation, RESPONDER_DATES, RESPONDER_METRIC_OPTIONS } from './fields';

export const getResponderLoad = metricsOperation({
	value: 'getResponderLoad',
	name: 'Get Responder Load',
	action: 'Get responder load metrics',
	description:
		"Measure each responder's load over a period, across teams: incidents assigned and acknowledged, mean seconds to acknowledge, time on call, sleep-hour interruptions. One item per responder: who carries the most.",
	endpoint: 'POST /analytics/metrics/responders/all',
	dates: RESPONDER_DATES,
	options: RESPONDER_METRIC_OPTIONS,
	needsTeamOrService: false,
});
