import { useSandboxServer } from './use-sandbox';
import { call, Json } from '../../dev/sandbox/helpers';
import { labelsOf, statusPages } from '../../dev/sandbox/rest-status-pages';

describe('PagerDuty sandbox status pages', () => {
	const server = useSandboxServer({ seed: { incidents: 1 } });

	const page = () => statusPages(server.sandbox.store)[0];
	const ref = (id: string) => ({ id });
	const update = (postType: 'incident' | 'maintenance', extra: object = {}) => ({
		type: 'status_page_post_update',
		message: 'Looking into it',
		status: ref(labelsOf(page(), 'statuses', postType)[0].id),
		severity: ref(labelsOf(page(), 'severities', postType)[1].id),
		impacted_services: [
			{
				service: ref(page().services[0].id),
				impact: ref(labelsOf(page(), 'impacts', postType)[1].id),
			},
		],
		update_frequency_ms: null,
		notify_subscribers: false,
		...extra,
	});
	const post = (extra: object = {}) => ({
		type: 'status_page_post',
		title: 'Checkout down',
		post_type: 'incident',
		starts_at: '2026-03-01T10:00:00Z',
		ends_at: null,
		status_page: { id: page().id, type: 'status_page' },
		updates: [update('incident')],
		...extra,
	});
	const createPost = (body: object) =>
		call(server.sandbox.url, 'POST', `/status_pages/${page().id}/posts`, { body: { post: body } });

	it('pages its lists with the limit and offset the overlay adds, and refuses total', async () => {
		const posts = await call(
			server.sandbox.url,
			'GET',
			`/status_pages/${page().id}/posts?limit=10&offset=25`,
		);
		expect(posts.body).toMatchObject({ limit: 10, offset: 25, more: false });
		expect(posts.body.posts).toHaveLength(5);
		expect((await call(server.sandbox.url, 'GET', '/status_pages?total=true')).status).toBe(400);
		expect((await call(server.sandbox.url, 'GET', '/status_pages?limit=101')).status).toBe(400);
		const labels = await call(
			server.sandbox.url,
			'GET',
			`/status_pages/${page().id}/statuses?post_type=incident`,
		);
		expect(labels.body.statuses.map((status: Json) => status.description)).toEqual([
			'investigating',
			'identified',
			'monitoring',
			'resolved',
		]);
	});

	it('creates a post whose updates use labels of its own page and type only', async () => {
		const created = await createPost(post());
		expect(created.status).toBe(201);
		expect(created.body.post).toMatchObject({
			title: 'Checkout down',
			updates: [{ type: 'status_page_post_update' }],
		});
		expect(created.body.post.updates[0]).not.toHaveProperty('message');

		const other = statusPages(server.sandbox.store)[1];
		const refusals = [
			post({ updates: [update('maintenance')] }),
			post({
				updates: [
					update('incident', {
						impacted_services: [
							{
								service: ref(other.services[0].id),
								impact: ref(labelsOf(page(), 'impacts', 'incident')[0].id),
							},
						],
					}),
				],
			}),
			post({ status_page: { id: other.id } }),
			post({ ends_at: '2026-03-01T09:00:00Z' }),
			post({ updates: [] }),
		];
		for (const body of refusals) expect((await createPost(body)).status).toBe(400);
		expect(page().posts).toHaveLength(31);
	});

	it('updates a post without touching its updates, and keeps its type', async () => {
		const [first] = page().posts;
		const path = `/status_pages/${page().id}/posts/${first.id}`;
		const body = {
			type: 'status_page_post',
			title: 'Renamed',
			post_type: first.post_type,
			starts_at: first.starts_at,
			ends_at: null,
			status_page: { id: page().id },
		};
		const updated = await call(server.sandbox.url, 'PUT', path, { body: { post: body } });
		expect(updated.status).toBe(200);
		expect(first.title).toBe('Renamed');
		expect(first.updates).toHaveLength(1);
		const retyped = await call(server.sandbox.url, 'PUT', path, {
			body: { post: { ...body, post_type: 'maintenance' } },
		});
		expect(retyped.status).toBe(400);
		const partial = await call(server.sandbox.url, 'PUT', path, {
			body: { post: { title: 'Only a title' } },
		});
		expect(partial.status).toBe(400);
	});

	it('appends an update to the post it names, approved, and lists updates by reviewed status', async () => {
		const [first] = page().posts;
		const path = `/status_pages/${page().id}/posts/${first.id}/post_updates`;
		const withoutPost = await call(server.sandbox.url, 'POST', path, {
			body: { post_update: update('incident') },
		});
		expect(withoutPost.status).toBe(400);
		const otherPost = await call(server.sandbox.url, 'POST', path, {
			body: { post_update: update('incident', { post: ref(page().posts[2].id) }) },
		});
		expect(otherPost.status).toBe(400);
		const added = await call(server.sandbox.url, 'POST', path, {
			body: { post_update: update('incident', { post: ref(first.id) }) },
		});
		expect(added.status).toBe(201);
		expect(added.body.post_update).toMatchObject({
			reviewed_status: 'approved',
			post: { id: first.id },
		});
		const listed = await call(server.sandbox.url, 'GET', `${path}?reviewed_status=not_reviewed`);
		expect(listed.body.post_updates).toEqual([]);
		const included = await call(
			server.sandbox.url,
			'GET',
			`/status_pages/${page().id}/posts/${first.id}?include[]=status_page_post_update`,
		);
		expect(included.body.post.updates.map((item: Json) => item.message)).toHaveLength(2);
	});
});
