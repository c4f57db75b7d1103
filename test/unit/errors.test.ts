import { readdirSync, readFileSync, statSync } from 'fs';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { join } from 'path';

import { fakeNode } from './fake-node';
import { itemSuffix, pagerDutyApiError, sentences, toNodeError } from '../../nodes/shared/errors';

const node = fakeNode();

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

	/** PagerDuty's 400 for a write it needs a known From email for, sent with `from` if given. */
	const fromHeaderError = (from?: string) =>
		pagerDutyApiError(
			node,
			{
				method: 'POST',
				path: '/incidents',
				status: 400,
				...(from && { from }),
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

	it('hints at the From email when PagerDuty asks for it', () => {
		const error = fromHeaderError();
		expect(error.description).toMatch(/Default From Email/);
		expect(error.description).toMatch(/in the From header\. This write needs the email/);
	});

	it('names the From email PagerDuty did not know, when one was sent', () => {
		const error = fromHeaderError('nobody@example.com');
		expect(error.description).toMatch(
			/^You must specify a user's email address in the From header\. PagerDuty knows no user with the email nobody@example\.com in this account/,
		);
		expect(error.description).not.toMatch(/fill in/);
	});
});

describe('error text convention', () => {
	it('joins description parts as sentences: the error card shows them as one paragraph', () => {
		expect(sentences('Title cannot be empty', 'Check the title.')).toBe(
			'Title cannot be empty. Check the title.',
		);
		expect(sentences(undefined, '', 'Only this')).toBe('Only this.');
		expect(sentences()).toBeUndefined();
	});

	it("names items as n8n does: ' [item N]', zero-based", () => {
		expect(itemSuffix(0)).toBe(' [item 0]');
		expect(itemSuffix(undefined)).toBe('');
	});

	it('leaves no other item marker in nodes/', () => {
		const files = (dir: string): string[] =>
			readdirSync(dir).flatMap((name) => {
				const path = join(dir, name);
				return statSync(path).isDirectory() ? files(path) : [path];
			});
		const offenders = files(join(__dirname, '../../nodes'))
			.filter((path) => path.endsWith('.ts'))
			.filter((path) => /\(item |\(item\$|item \$\{itemIndex\}\)/.test(readFileSync(path, 'utf8')));
		expect(offenders).toEqual([]);
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
