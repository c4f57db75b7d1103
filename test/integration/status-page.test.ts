import type { INodeParameters } from 'n8n-workflow';

import { listSearch } from './list-search';
import { jsonOf, pairedItemsOf, queryOf, useSandbox } from './pagerduty';
import { labelsOf, newPost, statusPages } from '../../dev/sandbox/rest-status-pages';
import type { Post, StatusPage } from '../../dev/sandbox/rest-status-pages';
import { isoSeconds } from '../../dev/sandbox/seed';

const pagerDuty = useSandbox();

const store = () => pagerDuty.sandbox.store;
const pages = () => statusPages(store());
const publicPage = () => pages()[0];

/** The page's posts as PagerDuty lists them: newest first, updates as references. */
const listed = (page: StatusPage) =>
	[...page.posts].reverse().map((post) => ({
		...post,
		updates: post.updates.map(({ id, type, self }) => ({ id, type, self })),
	}));

function addPosts(page: StatusPage, count: number): void {
	for (let index = 0; index < count; index++)
		page.posts.push(
			newPost(store().ids, page, {
				title: `Extra post ${index}`,
				postType: 'incident',
				at: store().nowIso(),
			}),
		);
}

describe('Status Page → Get Many', () => {
	it('lists pages with limit/offset and never asks for a total (the list declares none)', async () => {
		const all = await pagerDuty.run({
			resource: 'statusPage',
			operation: 'getAll',
			returnAll: true,
		});
		expect(all.error).toBeUndefined();
		expect(jsonOf(all)).toEqual(
			pages().map(({ id, type, name, published_at, status_page_type, url }) => ({
				id,
				type,
				name,
				published_at,
				status_page_type,
				url,
			})),
		);
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({ limit: '100', offset: '0' });

		const privateOnly = await pagerDuty.run({
			resource: 'statusPage',
			operation: 'getAll',
			limit: 1,
			options: { statusPageType: 'private' },
		});
		expect(queryOf(pagerDuty.restRequests()[1])).toEqual({
			limit: '1',
			offset: '0',
			status_page_type: 'private',
		});
		expect(jsonOf(privateOnly).map((page) => page.name)).toEqual(['Acme Internal']);
	});
});

describe('Status Page → Get Many Impacts, Severities, Statuses, Services', () => {
	it.each([
		['getAllImpacts', 'impacts'],
		['getAllSeverities', 'severities'],
		['getAllStatuses', 'statuses'],
	] as const)('%s lists the page’s %s of one post type', async (operation, kind) => {
		const page = publicPage();
		const result = await pagerDuty.run({
			resource: 'statusPage',
			operation,
			statusPageId: page.id,
			returnAll: true,
			options: { postType: 'maintenance' },
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request.path).toBe(`/status_pages/${page.id}/${kind}`);
		expect(queryOf(request)).toEqual({ limit: '100', offset: '0', post_type: 'maintenance' });
		expect(jsonOf(result)).toEqual(labelsOf(page, kind, 'maintenance'));
	});

	it("lists the page's own services, cut to the Limit", async () => {
		const page = pages()[1];
		const result = await pagerDuty.run({
			resource: 'statusPage',
			operation: 'getAllServices',
			statusPageId: page.id,
			limit: 2,
		});
		expect(jsonOf(result)).toEqual(page.services.slice(0, 2));
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({ limit: '2', offset: '0' });
	});

	it('maps an unknown page to 404 and refuses a malformed page ID before sending', async () => {
		const result = await pagerDuty.run(
			{ resource: 'statusPage', operation: 'getAllStatuses', statusPageId: '={{ $json.page }}' },
			{ items: [{ page: 'PNOSUCH' }, { page: 'bad id' }], continueOnFail: true },
		);
		expect(jsonOf(result).map((item) => item.error)).toEqual([
			'PagerDuty 404: Not Found (code 2100)',
			'"Status Page" must be a PagerDuty ID such as PABC123 (letters and digits only) [item 1]',
		]);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});
});

describe('Status Page Post → Get Many', () => {
	it('reads every page of posts with Return All (no total), newest first', async () => {
		const page = publicPage();
		addPosts(page, 90);
		const result = await pagerDuty.run({
			resource: 'statusPagePost',
			operation: 'getAll',
			statusPageId: page.id,
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(120);
		expect(jsonOf(result)).toEqual(listed(page));
		expect(pagerDuty.restRequests().map(queryOf)).toEqual([
			{ limit: '100', offset: '0' },
			{ limit: '100', offset: '100' },
		]);
	});

	it('filters by post type, reviewed status and statuses', async () => {
		const page = publicPage();
		const [investigating] = labelsOf(page, 'statuses', 'incident');
		const result = await pagerDuty.run({
			resource: 'statusPagePost',
			operation: 'getAll',
			statusPageId: page.id,
			limit: 5,
			options: { postType: 'incident', reviewedStatus: 'approved', statuses: [investigating.id] },
		});
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({
			limit: '5',
			offset: '0',
			post_type: 'incident',
			reviewed_status: 'approved',
			'status[]': investigating.id,
		});
		expect(jsonOf(result)).toEqual(
			listed(page)
				.filter((post) => post.post_type === 'incident')
				.slice(0, 5),
		);
	});
});

describe('Status Page Post → Get', () => {
	it('reads a post, with its updates in full when asked', async () => {
		const page = publicPage();
		const post = page.posts[3];
		const result = await pagerDuty.run({
			resource: 'statusPagePost',
			operation: 'get',
			statusPageId: page.id,
			postId: post.id,
			options: { includeUpdates: true },
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request.path).toBe(`/status_pages/${page.id}/posts/${post.id}`);
		expect(queryOf(request)).toEqual({ 'include[]': 'status_page_post_update' });
		expect(jsonOf(result)).toEqual([post]);
	});
});

describe('Status Page Post → Create', () => {
	const page = () => publicPage();
	const label = (kind: 'statuses' | 'severities' | 'impacts', index: number, type = 'incident') =>
		labelsOf(page(), kind, type)[index];
	const createParameters = (): INodeParameters => ({
		resource: 'statusPagePost',
		operation: 'create',
		statusPageId: page().id,
		title: 'Checkout errors',
		postType: 'incident',
		startsAt: '2026-03-01T10:00:00Z',
		endsAt: '2026-03-01T12:00:00Z',
		message: 'We are looking into failed payments.',
		status: label('statuses', 0).id,
		severity: label('severities', 2).id,
		impactedServices: {
			service: [{ service: page().services[1].id, impact: label('impacts', 1).id }],
		},
		updateOptions: { notifySubscribers: true, updateFrequencyMinutes: 15 },
	});

	it('publishes the post with its first update and returns it', async () => {
		const result = await pagerDuty.run(createParameters());
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'POST',
			path: `/status_pages/${page().id}/posts`,
			status: 201,
		});
		expect(request.body).toEqual({
			post: {
				type: 'status_page_post',
				title: 'Checkout errors',
				post_type: 'incident',
				starts_at: '2026-03-01T10:00:00Z',
				ends_at: '2026-03-01T12:00:00Z',
				status_page: { id: page().id, type: 'status_page' },
				updates: [
					{
						type: 'status_page_post_update',
						message: 'We are looking into failed payments.',
						status: { id: label('statuses', 0).id, type: 'status_page_status' },
						severity: { id: label('severities', 2).id, type: 'status_page_severity' },
						impacted_services: [
							{
								service: { id: page().services[1].id, type: 'status_page_service' },
								impact: { id: label('impacts', 1).id, type: 'status_page_impact' },
							},
						],
						update_frequency_ms: 900_000,
						notify_subscribers: true,
					},
				],
			},
		});
		const created = page().posts.at(-1)!;
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ id: created.id, title: 'Checkout errors', post_type: 'incident' }),
		]);
		expect(created.updates[0]).toMatchObject({
			reviewed_status: 'approved',
			update_frequency_ms: 900_000,
		});
	});

	it('sends empty times as null, no impacted services as [] and no frequency as null', async () => {
		const result = await pagerDuty.run({
			...createParameters(),
			startsAt: '',
			endsAt: '',
			impactedServices: {},
			updateOptions: {},
		});
		expect(result.error).toBeUndefined();
		const post = (pagerDuty.restRequests()[0].body as { post: Record<string, unknown> }).post;
		expect(post).toMatchObject({ starts_at: null, ends_at: null });
		expect((post.updates as Array<Record<string, unknown>>)[0]).toMatchObject({
			impacted_services: [],
			update_frequency_ms: null,
			notify_subscribers: false,
		});
	});

	it("refuses bad input before sending and pairs PagerDuty's 400 for a status of the other post type", async () => {
		const maintenanceStatus = label('statuses', 0, 'maintenance').id;
		const result = await pagerDuty.run(
			{
				...createParameters(),
				title: '={{ $json.title }}',
				endsAt: '={{ $json.endsAt }}',
				message: '={{ $json.message }}',
				status: '={{ $json.status }}',
			},
			{
				items: [
					{ title: 'x'.repeat(129), endsAt: '', message: 'm', status: label('statuses', 0).id },
					{
						title: 'T',
						endsAt: '2026-03-01T09:00:00Z',
						message: 'm',
						status: label('statuses', 0).id,
					},
					{ title: 'T', endsAt: '', message: '  ', status: label('statuses', 0).id },
					{ title: 'T', endsAt: '', message: 'm', status: maintenanceStatus },
				],
				continueOnFail: true,
			},
		);
		const output = jsonOf(result);
		expect(output.map((item) => item.error)).toEqual([
			'"Title" must be at most 128 characters [item 0]',
			'"Ends At" must be after "Starts At" [item 1]',
			'"Message" must not be empty [item 2]',
			'PagerDuty 400: Invalid Input Provided (code 2001)',
		]);
		expect(output[3].description).toContain(
			`status ${maintenanceStatus} does not belong to status page ${page().id} for incident posts`,
		);
		expect(pairedItemsOf(result)).toEqual([0, 1, 2, 3]);
		expect(pagerDuty.restRequests()).toHaveLength(1);
	});
});

describe('Status Page Post → Update', () => {
	it('reads the post and sends it whole with the changes (PagerDuty replaces the post)', async () => {
		const page = publicPage();
		const post: Post = page.posts[0];
		const before = { ...post };
		const result = await pagerDuty.run({
			resource: 'statusPagePost',
			operation: 'update',
			statusPageId: page.id,
			postId: post.id,
			updateFields: { title: 'Database upgrade (extended)', endsAt: '2099-01-01T00:00:00Z' },
		});
		expect(result.error).toBeUndefined();
		const [read, write] = pagerDuty.restRequests();
		expect(read).toMatchObject({
			method: 'GET',
			path: `/status_pages/${page.id}/posts/${post.id}`,
		});
		expect(write).toMatchObject({ method: 'PUT', path: read.path, status: 200 });
		expect(write.body).toEqual({
			post: {
				type: 'status_page_post',
				title: 'Database upgrade (extended)',
				post_type: before.post_type,
				starts_at: before.starts_at,
				ends_at: '2099-01-01T00:00:00Z',
				status_page: { id: page.id, type: 'status_page' },
			},
		});
		expect(jsonOf(result)[0]).toMatchObject({ id: post.id, title: 'Database upgrade (extended)' });
		expect(post.updates).toEqual(before.updates);
	});

	it('asks for a change, and refuses an end before the current start before writing', async () => {
		const page = publicPage();
		const post = page.posts[0];
		const base = {
			resource: 'statusPagePost',
			operation: 'update',
			statusPageId: page.id,
			postId: post.id,
		};
		const nothing = await pagerDuty.run({ ...base, updateFields: {} });
		expect(nothing.error?.message).toBe('Add at least one field under "Update Fields" [item 0]');
		const early = await pagerDuty.run({
			...base,
			updateFields: { endsAt: isoSeconds(Date.parse(post.starts_at!) - 60_000) },
		});
		expect(early.error?.message).toBe('"Ends At" must be after "Starts At" [item 0]');
		expect(pagerDuty.restRequests().map((request) => request.method)).toEqual(['GET']);
	});
});

describe('Status Page Post → Create Update and Get Many Updates', () => {
	it('adds an update naming its post and lists the updates, oldest first', async () => {
		const page = publicPage();
		const post = page.posts[1];
		const [scheduled, inProgress] = labelsOf(page, 'statuses', 'maintenance');
		expect(post.post_type).toBe('maintenance');
		const created = await pagerDuty.run({
			resource: 'statusPagePost',
			operation: 'createUpdate',
			statusPageId: page.id,
			postId: post.id,
			message: 'Maintenance has started.',
			status: inProgress.id,
			severity: labelsOf(page, 'severities', 'maintenance')[0].id,
			updateOptions: { reportedAt: '2026-03-01T10:05:00Z' },
		});
		expect(created.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({
			method: 'POST',
			path: `/status_pages/${page.id}/posts/${post.id}/post_updates`,
			status: 201,
		});
		expect(request.body).toMatchObject({
			post_update: {
				post: { id: post.id, type: 'status_page_post' },
				message: 'Maintenance has started.',
				status: { id: inProgress.id },
				reported_at: '2026-03-01T10:05:00Z',
				impacted_services: [],
			},
		});
		expect(jsonOf(created)).toEqual([post.updates[1]]);

		const updates = await pagerDuty.run({
			resource: 'statusPagePost',
			operation: 'getAllUpdates',
			statusPageId: page.id,
			postId: post.id,
			returnAll: true,
			options: { reviewedStatus: 'approved' },
		});
		expect(queryOf(pagerDuty.restRequests()[1])).toEqual({
			limit: '100',
			offset: '0',
			reviewed_status: 'approved',
		});
		expect(jsonOf(updates).map((update) => update.status)).toEqual([
			expect.objectContaining({ id: scheduled.id }),
			expect.objectContaining({ id: inProgress.id }),
		]);
	});

	it('maps an unknown post to 404', async () => {
		const page = publicPage();
		const result = await pagerDuty.run({
			resource: 'statusPagePost',
			operation: 'getAllUpdates',
			statusPageId: page.id,
			postId: 'PNOSUCH',
		});
		expect(result.error?.message).toBe('PagerDuty 404: Not Found (code 2100)');
	});
});

describe('Status page locators and dropdowns', () => {
	it('searches status pages by name in the node (PagerDuty has no name filter)', async () => {
		const result = await listSearch(pagerDuty, 'searchStatusPages', {}, 'internal');
		expect(result.results).toEqual([{ name: 'Acme Internal (private)', value: pages()[1].id }]);
		expect(queryOf(pagerDuty.restRequests()[0])).toEqual({ limit: '25', offset: '0' });
	});

	it("lists the chosen page's posts, page by page", async () => {
		const page = publicPage();
		const parameters = {
			resource: 'statusPagePost',
			operation: 'get',
			statusPageId: { __rl: true, mode: 'id', value: page.id },
		};
		const first = await listSearch(pagerDuty, 'searchStatusPagePosts', parameters);
		expect(first.results).toHaveLength(25);
		expect(first.results[0]).toEqual({
			name: `${page.posts.at(-1)!.title} (${page.posts.at(-1)!.post_type})`,
			value: page.posts.at(-1)!.id,
		});
		expect(first.paginationToken).toBe('25');
		const second = await listSearch(
			pagerDuty,
			'searchStatusPagePosts',
			parameters,
			undefined,
			'25',
		);
		expect(second.results).toHaveLength(page.posts.length - 25);
		expect(pagerDuty.restRequests().map((request) => request.path)).toEqual([
			`/status_pages/${page.id}/posts`,
			`/status_pages/${page.id}/posts`,
		]);
	});

	it('asks for a status page before listing its posts', async () => {
		await expect(
			listSearch(pagerDuty, 'searchStatusPagePosts', {
				resource: 'statusPagePost',
				operation: 'get',
			}),
		).rejects.toThrow('Choose the status page first: this list depends on it');
	});

	it("offers the statuses of Create's post type, of the chosen post's type, or of both", async () => {
		const page = publicPage();
		const statusPageId = { __rl: true, mode: 'id', value: page.id };
		const names = (options: Array<{ name: string }>) => options.map((option) => option.name);

		const forCreate = await pagerDuty.loadOptions('getStatusPageStatuses', {
			resource: 'statusPagePost',
			operation: 'create',
			statusPageId,
			postType: 'maintenance',
		});
		expect(names(forCreate)).toEqual(['scheduled', 'in progress', 'completed']);

		const post = page.posts[0];
		const forUpdate = await pagerDuty.loadOptions('getStatusPageSeverities', {
			resource: 'statusPagePost',
			operation: 'createUpdate',
			statusPageId,
			postId: { __rl: true, mode: 'id', value: post.id },
		});
		expect(forUpdate.map((option) => option.value)).toEqual(
			labelsOf(page, 'severities', post.post_type).map((severity) => severity.id),
		);
		expect(pagerDuty.restRequests().map((request) => request.path)).toContain(
			`/status_pages/${page.id}/posts/${post.id}`,
		);

		const impacts = await pagerDuty.loadOptions('getStatusPageImpacts', {
			resource: 'statusPagePost',
			operation: 'getAll',
			statusPageId,
		});
		expect(names(impacts)).toContain('partial outage (incident)');
		expect(names(impacts)).toContain('under maintenance (maintenance)');

		const services = await pagerDuty.loadOptions('getStatusPageServices', {
			resource: 'statusPagePost',
			operation: 'create',
			statusPageId,
		});
		expect(services).toEqual(page.services.map(({ id, name }) => ({ name, value: id })));
	});
});
