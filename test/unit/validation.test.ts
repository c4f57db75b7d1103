import { readdirSync, readFileSync, statSync } from 'fs';
import type { INode } from 'n8n-workflow';
import { join } from 'path';

import {
	dateTimeValue,
	emailSchema,
	jsonObjectSchema,
	pagerDutyIdSchema,
	toInstant,
} from '../../nodes/shared/validation';

describe('input schemas', () => {
	it('accept PagerDuty IDs and refuse empty or path-like ones', () => {
		expect(pagerDutyIdSchema.parse(' PABC123 ')).toBe('PABC123');
		expect(pagerDutyIdSchema.safeParse('').success).toBe(false);
		expect(pagerDutyIdSchema.safeParse('   ').success).toBe(false);
		expect(pagerDutyIdSchema.safeParse('../users').success).toBe(false);
		expect(pagerDutyIdSchema.safeParse('P1?x=1').success).toBe(false);
		expect(pagerDutyIdSchema.safeParse(42).success).toBe(false);
	});

	it('accept emails and refuse anything else', () => {
		expect(emailSchema.parse('jane.doe@example.com')).toBe('jane.doe@example.com');
		expect(emailSchema.safeParse('jane.doe').success).toBe(false);
	});

	it('parse JSON objects from text and refuse non-objects', () => {
		expect(jsonObjectSchema.parse('{"a": [1]}')).toEqual({ a: [1] });
		expect(jsonObjectSchema.parse({ a: 1 })).toEqual({ a: 1 });
		expect(jsonObjectSchema.parse('')).toEqual({});
		const notJson = jsonObjectSchema.safeParse('{a: 1}');
		expect(notJson.success).toBe(false);
		expect(notJson.error?.issues[0].message).toMatch(/is not valid JSON/);
		expect(jsonObjectSchema.safeParse('[1, 2]').error?.issues[0].message).toMatch(/JSON object/);
	});
});

describe('date-times', () => {
	const utc = (value: unknown, zone = 'UTC') => {
		const instant = toInstant(value, zone);
		return instant === undefined ? undefined : new Date(instant).toISOString();
	};

	it('keep a value with an offset as the instant it names, in any workflow time zone', () => {
		expect(utc('2026-11-01T10:00:00+02:00', 'America/New_York')).toBe('2026-11-01T08:00:00.000Z');
		expect(utc('2026-11-01T10:00:00-0530', 'Asia/Tokyo')).toBe('2026-11-01T15:30:00.000Z');
		expect(utc('2026-11-01T10:00:00Z', 'Europe/Berlin')).toBe('2026-11-01T10:00:00.000Z');
		expect(utc('Sun, 01 Nov 2026 10:00:00 GMT', 'Asia/Tokyo')).toBe('2026-11-01T10:00:00.000Z');
	});

	it("read a value without offset (n8n's date picker) in the workflow's time zone, summer and winter", () => {
		expect(utc('2026-07-01T10:00:00', 'Europe/Berlin')).toBe('2026-07-01T08:00:00.000Z');
		expect(utc('2026-11-01T10:00:00', 'Europe/Berlin')).toBe('2026-11-01T09:00:00.000Z');
		expect(utc('2026-11-01T10:00:00.250', 'America/New_York')).toBe('2026-11-01T15:00:00.250Z');
		expect(utc('2026-11-01', 'Asia/Kolkata')).toBe('2026-10-31T18:30:00.000Z');
	});

	it('read the hours a clock change repeats or skips as one instant each', () => {
		// 2026-10-25 02:30 happens twice in Berlin, 2026-03-29 02:30 never: both still name one time.
		expect(utc('2026-10-25T02:30:00', 'Europe/Berlin')).toMatch(/^2026-10-25T0[01]:30:00.000Z$/);
		expect(utc('2026-03-29T02:30:00', 'Europe/Berlin')).toMatch(/^2026-03-29T0[01]:30:00.000Z$/);
	});

	it('take Date objects and Luxon DateTimes from expressions', () => {
		expect(utc(new Date('2026-11-01T10:00:00Z'))).toBe('2026-11-01T10:00:00.000Z');
		const dateTime = { toMillis: () => Date.UTC(2026, 10, 1, 10), isValid: true };
		expect(utc(dateTime)).toBe('2026-11-01T10:00:00.000Z');
		expect(utc({ toMillis: () => NaN, isValid: false })).toBeUndefined();
	});

	it('refuse what is no date-time, or a date that does not exist', () => {
		for (const value of [
			'',
			'garbage',
			'2026-02-30T10:00:00',
			'2026-11-01T24:00:00',
			'2026-13-01',
			'11/01/2026 10:00',
			17,
			null,
			new Date(NaN),
		])
			expect(utc(value)).toBeUndefined();
	});

	it('are sent as RFC 3339 in UTC, with the digits of a second the value gave', () => {
		const node = { name: 'PagerDuty' } as INode;
		const context = { getNode: () => node, getTimezone: () => 'Europe/Berlin' };
		expect(dateTimeValue(context, 0, 'Since', '2026-11-01T10:00:00')).toBe('2026-11-01T09:00:00Z');
		expect(dateTimeValue(context, 0, 'Since', '2026-11-01T10:00:00.5+01:00')).toBe(
			'2026-11-01T09:00:00.5Z',
		);
		expect(() => dateTimeValue(context, 3, 'Since', 'soon')).toThrow(
			'"Since" must be a date and time such as 2026-11-01T00:00:00Z [item 3]',
		);
	});

	it('are read with one reader: no operation sends a value only checked by dateTimeSchema', () => {
		const files = (dir: string): string[] =>
			readdirSync(dir).flatMap((name) => {
				const path = join(dir, name);
				return statSync(path).isDirectory() ? files(path) : [path];
			});
		const users = files(join(__dirname, '../../nodes'))
			.filter((path) => !path.endsWith('shared/validation.ts'))
			.filter((path) => readFileSync(path, 'utf8').includes('dateTimeSchema'));
		expect(users).toEqual([]);
	});
});

describe('IDs', () => {
	it('are bounded in length', () => {
		expect(pagerDutyIdSchema.safeParse('P'.repeat(64)).success).toBe(true);
		expect(pagerDutyIdSchema.safeParse('P'.repeat(65)).error?.issues[0].message).toBe(
			'must be a PagerDuty ID such as PABC123 (letters and digits only), at most 64 characters',
		);
	});
});
