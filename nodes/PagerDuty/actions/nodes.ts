import { pagerDutyEventsNode } from './event';
import { pagerDutyNode } from './index';

/**
 * Each node built from the registry, under its node type name, for what looks them up by name: the
 * build (search aliases) and the test harness (declared endpoints). The nodes themselves import
 * only their own actions, so the PagerDuty Events bundle holds no REST resources.
 */
export const nodeActions = {
	pagerDuty: pagerDutyNode,
	pagerDutyEvents: pagerDutyEventsNode,
};
