import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { pagerDutyApiError, toNodeError } from '../../nodes/shared/errors';

const node: INode = {
	id: '1',
	name: 'PagerDuty',
	type: 'n8n-nodes-pagerduty.pagerDuty',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('pagerDutyApiError', () => {
	it("shows PagerDuty's message, code and field errors (array form)", () => {
		const error = pagerDutyApiError(
			node,
			{
				method: 'POST',
				path: '/incidents',
				status: 400,
				body: {
					error: {
						message: 'Invalid Input Provided',
						code: 2001,
						errors: ['Title cannot be empty.'],
					},
				},
			},
			'apiToken',
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(error.description).toContain('Title cannot be empty.');
		expect(error.httpCode).toBe('400');
	});

	it('reads the /v3 object form of errors', () => {
		const error = pagerDutyApiError(
			node,
			{
				method: 'POST',
				path: '/v3/schedules',
				status: 400,
				body: {
					error: {
						message: 'Invalid',
						code: 2001,
						errors: {
							'event.effective_since': ['Date cannot be more than 12 months in the future'],
						},
					},
				},
			},
			'apiToken',
		);
		expect(error.description).toContain(
			'event.effective_since: Date cannot be more than 12 months in the future',
		);
	});

	it.each([
		[401, 'apiToken', /Service Region/],
		[402, 'apiToken', /ability/],
		[403, 'oAuth2', /scope/],
		[403, 'apiToken', /read-only API key/],
		[429, 'apiToken', /rate limit/],
	])('hints what to do on %s (%s)', (status, authentication, hint) => {
		const error = pagerDutyApiError(
			node,
			{ method: 'GET', path: '/incidents', status, body: {} },
			authentication,
		);
		expect(error.description).toMatch(hint);
	});

	it('hints at the From email when PagerDuty asks for it', () => {
		const error = pagerDutyApiError(
			node,
			{
				method: 'POST',
				path: '/incidents',
				status: 400,
				body: {
					error: {
						message: 'Invalid Input Provided',
						code: 2001,
						errors: ["You must specify a user's email address in the From header"],
					},
				},
			},
			'apiToken',
		);
		expect(error.description).toMatch(/Default From Email/);
	});
});

describe('toNodeError', () => {
	it('keeps n8n errors and records the item index on them', () => {
		const original = new NodeOperationError(node, 'boom');
		const error = toNodeError(node, original, 3);
		expect(error).toBe(original);
		expect(error.context.itemIndex).toBe(3);
	});

	it('wraps other errors with the item index', () => {
		const error = toNodeError(node, new TypeError('bad'), 2);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.context.itemIndex).toBe(2);
		expect(error.message).toBe('bad');
	});
});
