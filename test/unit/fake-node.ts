// The PagerDuty node as n8n hands it to error and transport code (`getNode()`), for unit tests.
import type { INode } from 'n8n-workflow';

/** A fresh PagerDuty node on the canvas, with no parameters set. */
export const fakeNode = (): INode => ({
	id: '1',
	name: 'PagerDuty',
	type: 'n8n-nodes-pagerduty.pagerDuty',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
});
