import { ADMIN_EMAIL, jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';
import { maintenanceWindows } from '../../dev/sandbox/rest-maintenance-windows';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const windowDescribed = (description: string) =>
	maintenanceWindows(store()).find((window) => window.description === description)!;
const hoursFromNow = (hours: number) =>
	`${new Date(Date.now() + hours * 3_600_000).toISOString().slice(0, 19)}Z`;

describe('Maintenance Window → Create', () => {
	it("creates the window with PagerDuty's body and From, and returns it", async () => {
		const [web, search] = [store().services[0], store().services[3]];
		const [start, end] = [hoursFromNow(24), hoursFromNow(26)];
		const result = await pagerDuty.run({
			resource: 'maintenanceWindow',
			operation: 'create',
			startTime: start,
			endTime: end,
			serviceIds: [web.id, search.id],
			email: ADMIN_EMAIL,
			additionalFields: { description: 'Kernel patching' },
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({ method: 'POST', path: '/maintenance_windows', status: 201 });
		expect(request.headers.from).toBe(ADMIN_EMAIL);
		expect(request.body).toEqual({
			maintenance_window: {
				type: 'maintenance_window',
				start_time: start,
				end_time: end,
				services: [
					{ id: web.id, type: 'service_reference' },
					{ id: search.id, type: 'service_reference' },
				],
				description: 'Kernel patching',
			},
		});
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				type: 'maintenance_window',
				description: 'Kernel patching',
				created_by: expect.objectContaining({ summary: 'Jane Doe' }),
				teams: [expect.objectContaining({ summary: 'Platform' })],
			}),
		]);
	});

	it('refuses an end before the start, naming the item; PagerDuty wants From', async () => {
		const service = store().services[0];
		const result = await pagerDuty.run(
			{
				resource: 'maintenanceWindow',
				operation: 'create',
				startTime: '={{ $json.start }}',
				endTime: '={{ $json.end }}',
				serviceIds: [service.id],
			},
			{
				items: [
					{ start: hoursFromNow(5), end: hoursFromNow(4) },
					{ start: hoursFromNow(1), end: hoursFromNow(2) },
				],
				continueOnFail: true,
			},
		);
		const [backwards, noFrom] = jsonOf(result);
		expect(backwards.error).toBe('"End Time" must be after "Start Time" [item 0]');
		expect(noFrom.error).toBe('PagerDuty 400: Invalid Input Provided (code 2001)');
		expect(noFrom.description).toMatch(/Default From Email/);
		expect(pairedItemsOf(result)).toEqual([0, 1]);
	});
});

describe('Maintenance Window → Get / Get Many', () => {
	it('lists open windows (ongoing and future), with services in full', async () => {
		const result = await pagerDuty.run({
			resource: 'maintenanceWindow',
			operation: 'getAll',
			returnAll: true,
			options: { filter: 'open', include: ['services'] },
		});
		expect(queryOf(pagerDuty.restRequests()[0])).toMatchObject({
			filter: 'open',
			'include[]': 'services',
		});
		expect(jsonOf(result).map((window) => window.description)).toEqual([
			'Search cluster re-index',
			'CDN provider migration',
		]);
		expect(jsonOf(result)[0].services).toEqual([
			expect.objectContaining({ type: 'service', name: 'Search Indexer' }),
		]);
	});

	it('filters past windows by service and query', async () => {
		const checkout = store().services[1];
		const result = await pagerDuty.run({
			resource: 'maintenanceWindow',
			operation: 'getAll',
			options: { filter: 'past', serviceIds: [checkout.id], query: 'engine' },
		});
		expect(queryOf(pagerDuty.restRequests()[0])).toMatchObject({
			filter: 'past',
			'service_ids[]': checkout.id,
			query: 'engine',
		});
		expect(jsonOf(result).map((window) => window.description)).toEqual(['Database engine upgrade']);
	});

	it('reads one window and maps a 404', async () => {
		const window = windowDescribed('CDN provider migration');
		const result = await pagerDuty.run(
			{ resource: 'maintenanceWindow', operation: 'get', maintenanceWindowId: '={{ $json.id }}' },
			{ items: [{ id: window.id }, { id: 'PNOPE42' }], continueOnFail: true },
		);
		expect(jsonOf(result)[0]).toMatchObject({ id: window.id, start_time: window.start_time });
		expect(jsonOf(result)[1]).toMatchObject({ error: 'PagerDuty 404: Not Found (code 2100)' });
	});
});

describe('Maintenance Window → Update', () => {
	it('sends the whole window PagerDuty requires, with the changed end time', async () => {
		const window = windowDescribed('CDN provider migration');
		const newEnd = hoursFromNow(24 * 3 + 6);
		const result = await pagerDuty.run({
			resource: 'maintenanceWindow',
			operation: 'update',
			maintenanceWindowId: window.id,
			updateFields: { endTime: newEnd },
		});
		expect(result.error).toBeUndefined();
		const write = pagerDuty.restRequests()[1];
		expect(write).toMatchObject({
			method: 'PUT',
			path: `/maintenance_windows/${window.id}`,
			status: 200,
		});
		expect(write.body).toEqual({
			maintenance_window: {
				type: 'maintenance_window',
				start_time: window.start_time,
				end_time: newEnd,
				services: [{ id: store().services[0].id, type: 'service_reference' }],
			},
		});
		expect(jsonOf(result)[0]).toMatchObject({ end_time: newEnd });
	});

	it("refuses an end time before the window's current start, before writing", async () => {
		const window = windowDescribed('CDN provider migration');
		const result = await pagerDuty.run({
			resource: 'maintenanceWindow',
			operation: 'update',
			maintenanceWindowId: window.id,
			updateFields: { endTime: hoursFromNow(1) },
		});
		expect(result.error?.message).toBe('"End Time" must be after "Start Time" [item 0]');
		expect(pagerDuty.restRequests().map((request) => request.method)).toEqual(['GET']);
	});
});

describe('Maintenance Window → Delete', () => {
	it('deletes a future window and ends an ongoing one', async () => {
		const [future, ongoing] = [
			windowDescribed('CDN provider migration'),
			windowDescribed('Search cluster re-index'),
		];
		const result = await pagerDuty.run(
			{
				resource: 'maintenanceWindow',
				operation: 'delete',
				maintenanceWindowId: '={{ $json.id }}',
			},
			{ items: [{ id: future.id }, { id: ongoing.id }] },
		);
		expect(jsonOf(result)).toEqual([
			{ deleted: true, id: future.id },
			{ deleted: true, id: ongoing.id },
		]);
		expect(
			pagerDuty
				.restRequests()
				.every((request) => request.method === 'DELETE' && request.status === 204),
		).toBe(true);
		expect(maintenanceWindows(store()).map((window) => window.id)).not.toContain(future.id);
		expect(Date.parse(ongoing.end_time)).toBeLessThanOrEqual(Date.now());
	});

	it("explains PagerDuty's 405 for a window that has ended", async () => {
		const past = windowDescribed('Database engine upgrade');
		const result = await pagerDuty.run({
			resource: 'maintenanceWindow',
			operation: 'delete',
			maintenanceWindowId: past.id,
		});
		expect(result.error?.message).toBe(
			'PagerDuty 405: This maintenance window has already ended, so it cannot be deleted',
		);
		expect(result.error?.description).toMatch(
			/Cannot cancel past maintenance window \(code 5003\)/,
		);
		expect(result.error?.description).toMatch(/Filter "Open"/);
	});
});
