import { emailSchema, jsonObjectSchema, pagerDutyIdSchema } from '../../nodes/shared/validation';

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
