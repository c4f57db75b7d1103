import { ALL_EVENTS, EVENT_TYPES, eventTypeOptions } from '../../nodes/shared/webhooks';

describe("the event type options (the trigger's entries in n8n's node panel)", () => {
	it('offers every event type once, after "All Events", which is saved as "*"', () => {
		const [all, ...types] = eventTypeOptions;
		expect(all).toMatchObject({
			name: 'All Events',
			value: ALL_EVENTS,
			action: 'On any incident or service event',
		});
		expect(ALL_EVENTS).toBe('*');
		expect(types.map(({ value }) => value)).toEqual([...EVENT_TYPES]);
	});

	it.each(eventTypeOptions.slice(1).map((option) => [option.value, option] as const))(
		'%s: a written-out label in title case, and its action "On …" in lower case',
		(_value, option) => {
			expect(option.name).toMatch(/^(Incident|Service) [A-Z]/);
			// Split dotted names repeated words ("Incident Incident type Changed").
			expect(option.name).not.toMatch(/\b(\w+) \1\b/i);
			expect(option.name).not.toMatch(/[._]/);
			expect(option.action).toBe(`On ${option.name.toLowerCase()}`);
		},
	);

	it('names the dotted event types readably', () => {
		const nameOf = (value: string) =>
			eventTypeOptions.find((option) => option.value === value)?.name;
		expect(nameOf('incident.incident_type.changed')).toBe('Incident Type Changed');
		expect(nameOf('incident.annotated')).toBe('Incident Note Added');
		expect(nameOf('service.custom_field_values.updated')).toBe('Service Custom Fields Updated');
	});
});
