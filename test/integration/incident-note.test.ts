import { ADMIN_EMAIL, jsonOf, pairedItemsOf, useSandbox } from './pagerduty';
import type { Incident } from '../../dev/sandbox/store';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const openIncident = () => store().incidents.find((incident) => incident.status === 'triggered')!;

function incidentWithNotes(count: number): Incident {
	const incident = openIncident();
	const author = store().users[0];
	while (store().notes(incident.id).length < count) {
		store().addNote(
			incident,
			author,
			`Checked dashboards, round ${store().notes(incident.id).length + 1}`,
			store().nowIso(),
		);
	}
	return incident;
}

describe('Incident Note → Create', () => {
	it("adds the note with From and returns the note itself, not PagerDuty's { note } envelope", async () => {
		const incident = openIncident();
		const result = await pagerDuty.run({
			resource: 'incidentNote',
			operation: 'create',
			incidentId: incident.id,
			content: 'Rolled back release 42',
			email: ADMIN_EMAIL,
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'POST',
			path: `/incidents/${incident.id}/notes`,
			status: 201,
		});
		expect(request.headers.from).toBe(ADMIN_EMAIL);
		expect(request.body).toEqual({ note: { content: 'Rolled back release 42' } });
		const [note] = jsonOf(result);
		expect(note).not.toHaveProperty('note');
		expect(note).toMatchObject({
			content: 'Rolled back release 42',
			user: { summary: 'Jane Doe' },
		});
	});

	it('maps an unknown incident to 404 and refuses empty content', async () => {
		const result = await pagerDuty.run(
			{
				resource: 'incidentNote',
				operation: 'create',
				incidentId: '={{ $json.id }}',
				content: '={{ $json.content }}',
				email: ADMIN_EMAIL,
			},
			{
				items: [
					{ id: 'QDOESNOTEXIST1', content: 'x' },
					{ id: openIncident().id, content: '  ' },
				],
				continueOnFail: true,
			},
		);
		expect(jsonOf(result).map((json) => json.error)).toEqual([
			'PagerDuty 404: Not Found (code 2100)',
			'"Content" must not be empty [item 1]',
		]);
	});
});

describe('Incident Note → Get Many', () => {
	it("returns the incident's notes up to the limit (PagerDuty does not page notes)", async () => {
		const incident = incidentWithNotes(5);
		const limited = await pagerDuty.run({
			resource: 'incidentNote',
			operation: 'getAll',
			incidentId: incident.id,
			limit: 3,
		});
		expect(jsonOf(limited).map((note) => note.id)).toEqual(
			store()
				.notes(incident.id)
				.slice(0, 3)
				.map((note) => note.id),
		);
		expect(pairedItemsOf(limited)).toEqual([0, 0, 0]);

		const all = await pagerDuty.run({
			resource: 'incidentNote',
			operation: 'getAll',
			incidentId: incident.id,
			returnAll: true,
		});
		expect(all.items).toHaveLength(store().notes(incident.id).length);
		expect(
			pagerDuty
				.restRequests()
				.every((request) => request.path === `/incidents/${incident.id}/notes`),
		).toBe(true);
	});
});

describe('Incident Note → Update', () => {
	it("replaces the note's text with From and returns the note", async () => {
		const incident = incidentWithNotes(1);
		const [note] = store().notes(incident.id);
		const result = await pagerDuty.run({
			resource: 'incidentNote',
			operation: 'update',
			incidentId: incident.id,
			noteId: note.id,
			content: 'Rolled back release 42 (confirmed)',
			email: ADMIN_EMAIL,
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'PUT',
			path: `/incidents/${incident.id}/notes/${note.id}`,
			status: 200,
		});
		expect(request.headers.from).toBe(ADMIN_EMAIL);
		expect(request.body).toEqual({ note: { content: 'Rolled back release 42 (confirmed)' } });
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ id: note.id, content: 'Rolled back release 42 (confirmed)' }),
		]);
	});

	it('maps an unknown note to 404, asks for From with an account key, and refuses a malformed note ID', async () => {
		const incident = incidentWithNotes(1);
		const noteId = store().notes(incident.id)[0].id;
		const base = {
			resource: 'incidentNote',
			operation: 'update',
			incidentId: incident.id,
			content: 'New text',
		};

		const unknown = await pagerDuty.run({ ...base, noteId: 'PNOSUCH', email: ADMIN_EMAIL });
		expect(unknown.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');

		const withoutFrom = await pagerDuty.run({ ...base, noteId });
		expect(withoutFrom.error?.message).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(withoutFrom.error?.description).toMatch(/Default From Email/);

		const malformed = await pagerDuty.run({ ...base, noteId: 'P 1', email: ADMIN_EMAIL });
		expect(malformed.error?.message).toBe(
			'"Note ID" must be a PagerDuty ID such as PABC123 (letters and digits only) [item 0]',
		);
	});
});
