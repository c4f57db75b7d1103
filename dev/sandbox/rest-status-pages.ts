/**
 * Status pages (a public and a private one), each with its severities, impacts and statuses for
 * both post types, its own services, and posts with their updates. The lists page with
 * limit/offset (the contract's overlay adds them: PagerDuty's answers are paged, its spec declares
 * no parameters). Creating a post or an update checks that every status, severity, impact and
 * service belongs to the page and, where it has one, to the post's type (400 otherwise).
 */
import { invalidInput } from './errors';
import { IdFactory, Random } from './random';
import { findById, paginate, queryList, queryValue, RestHandler, RestRequest } from './rest-common';
import { isoSeconds } from './seed';
import { API_BASE, SandboxStore } from './store';

export type PostType = 'incident' | 'maintenance';
type Kind = 'severities' | 'impacts' | 'statuses';

interface PageReference {
	id: string;
	type: 'status_page';
}

/** A severity, impact or status: labelled by its description, for one post type. */
export interface PageLabel {
	id: string;
	type: string;
	description: string;
	post_type: PostType;
	status_page: PageReference;
	self: string;
}

export interface PageService {
	id: string;
	type: 'status_page_service';
	name: string;
	status_page: PageReference;
	business_service: null;
	self: string;
}

interface Ref {
	id: string;
	type: string;
	self: string;
}

export interface PostUpdate {
	id: string;
	type: 'status_page_post_update';
	self: string;
	post: Ref;
	message: string;
	reviewed_status: 'approved' | 'not_reviewed';
	status: Ref;
	severity: Ref;
	impacted_services: Array<{ service: Ref; impact: Ref }>;
	update_frequency_ms: number | null;
	notify_subscribers: boolean;
	reported_at: string;
}

export interface Post {
	id: string;
	type: 'status_page_post';
	self: string;
	post_type: PostType;
	title: string;
	starts_at: string | null;
	ends_at: string | null;
	status_page: PageReference;
	linked_resource: null;
	postmortem: null;
	updates: PostUpdate[];
}

export interface StatusPage {
	id: string;
	type: 'status_page';
	name: string;
	published_at: string;
	status_page_type: 'public' | 'private';
	url: string;
	labels: Record<Kind, PageLabel[]>;
	services: PageService[];
	posts: Post[];
}

const LABELS: Record<Kind, Record<PostType, string[]>> = {
	severities: {
		incident: ['all good', 'minor', 'major'],
		maintenance: ['all good', 'minor'],
	},
	impacts: {
		incident: ['operational', 'partial outage', 'outage'],
		maintenance: ['operational', 'under maintenance'],
	},
	statuses: {
		incident: ['investigating', 'identified', 'monitoring', 'resolved'],
		maintenance: ['scheduled', 'in progress', 'completed'],
	},
};
const LABEL_TYPES: Record<Kind, string> = {
	severities: 'status_page_severity',
	impacts: 'status_page_impact',
	statuses: 'status_page_status',
};
const POST_TYPES: PostType[] = ['incident', 'maintenance'];
const SEEDED_POSTS = 30;
const HOUR_MS = 60 * 60 * 1000;

const pageRef = (page: StatusPage): PageReference => ({ id: page.id, type: 'status_page' });
const refOf = (object: { id: string; type: string; self: string }): Ref => ({
	id: object.id,
	type: object.type,
	self: object.self,
});

/** The page's severities, impacts or statuses, of one post type or both. */
export const labelsOf = (page: StatusPage, kind: Kind, postType?: string) =>
	page.labels[kind].filter((label) => postType === undefined || label.post_type === postType);

/** A post's first update, as the seed and the tests build it: the post type's first labels. */
export function newUpdate(
	ids: IdFactory,
	page: StatusPage,
	post: Post,
	message: string,
	at: string,
): PostUpdate {
	const id = ids.object();
	const [status] = labelsOf(page, 'statuses', post.post_type);
	const [severity] = labelsOf(page, 'severities', post.post_type);
	const [impact] = labelsOf(page, 'impacts', post.post_type);
	return {
		id,
		type: 'status_page_post_update',
		self: `${post.self}/post_updates/${id}`,
		post: refOf(post),
		message,
		reviewed_status: 'approved',
		status: refOf(status),
		severity: refOf(severity),
		impacted_services: [{ service: refOf(page.services[0]), impact: refOf(impact) }],
		update_frequency_ms: null,
		notify_subscribers: false,
		reported_at: at,
	};
}

/** A post with one update, as the seed and the tests add them. */
export function newPost(
	ids: IdFactory,
	page: StatusPage,
	input: { title: string; postType: PostType; at: string; endsAt?: string | null },
): Post {
	const id = ids.object();
	const post: Post = {
		id,
		type: 'status_page_post',
		self: `${API_BASE}/status_pages/${page.id}/posts/${id}`,
		post_type: input.postType,
		title: input.title,
		starts_at: input.at,
		ends_at: input.endsAt ?? null,
		status_page: pageRef(page),
		linked_resource: null,
		postmortem: null,
		updates: [],
	};
	post.updates.push(newUpdate(ids, page, post, `Update on: ${input.title}`, input.at));
	return post;
}

function newPage(
	ids: IdFactory,
	name: string,
	statusPageType: StatusPage['status_page_type'],
	url: string,
	publishedAt: string,
): StatusPage {
	const id = ids.object();
	const page: StatusPage = {
		id,
		type: 'status_page',
		name,
		published_at: publishedAt,
		status_page_type: statusPageType,
		url,
		labels: { severities: [], impacts: [], statuses: [] },
		services: [],
		posts: [],
	};
	for (const kind of Object.keys(LABELS) as Kind[]) {
		for (const postType of POST_TYPES) {
			for (const description of LABELS[kind][postType]) {
				const labelId = ids.object();
				page.labels[kind].push({
					id: labelId,
					type: LABEL_TYPES[kind],
					description,
					post_type: postType,
					status_page: pageRef(page),
					self: `${API_BASE}/status_pages/${id}/${kind}/${labelId}`,
				});
			}
		}
	}
	page.services = ['Website', 'Checkout', 'Public API'].map((serviceName) => {
		const serviceId = ids.object();
		return {
			id: serviceId,
			type: 'status_page_service',
			name: serviceName,
			status_page: pageRef(page),
			business_service: null,
			self: `${API_BASE}/status_pages/${id}/services/${serviceId}`,
		};
	});
	return page;
}

/** The public page has 30 posts (one an hour, alternating incident and maintenance), the private one 1. */
export const statusPages = (store: SandboxStore) =>
	store.collection<StatusPage>('statusPages', (seeded) => {
		// Their own generator, so reading status pages never shifts the IDs the store hands out next.
		const ids = new IdFactory(new Random(20241101));
		const now = seeded.nowMs();
		const published = isoSeconds(now - 200 * 24 * HOUR_MS);
		const pages = [
			newPage(ids, 'Acme Status', 'public', 'https://status.acme.example.com', published),
			newPage(ids, 'Acme Internal', 'private', 'https://acme.status.pagerduty.com', published),
		];
		const [publicPage, privatePage] = pages;
		for (let index = 0; index < SEEDED_POSTS; index++) {
			const postType = index % 2 === 0 ? 'incident' : 'maintenance';
			const at = isoSeconds(now - (SEEDED_POSTS - index) * HOUR_MS);
			publicPage.posts.push(
				newPost(ids, publicPage, { title: `${postType} post ${index + 1}`, postType, at }),
			);
		}
		privatePage.posts.push(
			newPost(ids, privatePage, {
				title: 'VPN degraded',
				postType: 'incident',
				at: isoSeconds(now - HOUR_MS),
			}),
		);
		return pages;
	});

function findPage(store: SandboxStore, request: RestRequest): StatusPage {
	return findById(statusPages(store), request.match.pathParams.id);
}

function findPost(store: SandboxStore, request: RestRequest): { page: StatusPage; post: Post } {
	const page = findPage(store, request);
	return { page, post: findById(page.posts, request.match.pathParams.post_id) };
}

const renderPage = ({ labels: _labels, services: _services, posts: _posts, ...page }: StatusPage) =>
	page;

/** A post with its updates as references, or in full with include[]=status_page_post_update. */
const renderPost = (post: Post, fullUpdates: boolean) => ({
	...post,
	updates: fullUpdates ? post.updates : post.updates.map(refOf),
});

const latest = (post: Post) => post.updates[post.updates.length - 1];

const listLabels =
	(kind: Kind): RestHandler =>
	(store, request) =>
		paginate(
			request,
			labelsOf(findPage(store, request), kind, queryValue(request, 'post_type')),
			kind,
		);

interface RefInput {
	id: string;
	type?: string;
}

interface UpdateInput {
	message: string;
	status: RefInput;
	severity: RefInput;
	impacted_services: Array<{ service?: RefInput; impact?: RefInput }>;
	update_frequency_ms: number | null;
	notify_subscribers: boolean;
	reported_at?: string | null;
	post?: RefInput;
}

/** Checks an update's references against the page and the post type, then builds it. */
function buildUpdate(
	store: SandboxStore,
	page: StatusPage,
	post: Post,
	input: UpdateInput,
): PostUpdate {
	if (input.message.trim() === '') throw invalidInput(['message cannot be empty']);
	const label = (kind: Kind, wanted: RefInput | undefined, what: string) => {
		const found = labelsOf(page, kind, post.post_type).find(({ id }) => id === wanted?.id);
		if (!found)
			throw invalidInput([
				`${what} ${wanted?.id ?? '(none)'} does not belong to status page ${page.id} for ${post.post_type} posts`,
			]);
		return refOf(found);
	};
	const impacted = input.impacted_services.map((entry) => {
		const service = page.services.find(({ id }) => id === entry.service?.id);
		if (!service)
			throw invalidInput([
				`service ${entry.service?.id ?? '(none)'} is not on status page ${page.id}`,
			]);
		return { service: refOf(service), impact: label('impacts', entry.impact, 'impact') };
	});
	const id = store.ids.object();
	return {
		id,
		type: 'status_page_post_update',
		self: `${post.self}/post_updates/${id}`,
		post: refOf(post),
		message: input.message,
		reviewed_status: 'approved',
		status: label('statuses', input.status, 'status'),
		severity: label('severities', input.severity, 'severity'),
		impacted_services: impacted,
		update_frequency_ms: input.update_frequency_ms,
		notify_subscribers: input.notify_subscribers,
		reported_at: input.reported_at ?? store.nowIso(),
	};
}

function checkWindow(startsAt: string | null, endsAt: string | null): void {
	if (startsAt !== null && endsAt !== null && Date.parse(endsAt) <= Date.parse(startsAt))
		throw invalidInput(['ends_at must be after starts_at']);
}

interface PostInput {
	title: string;
	post_type: PostType;
	starts_at: string | null;
	ends_at: string | null;
	status_page: RefInput;
	updates?: UpdateInput[];
}

function checkPostInput(page: StatusPage, input: PostInput): void {
	if (input.status_page.id !== page.id)
		throw invalidInput([`status_page ${input.status_page.id} is not status page ${page.id}`]);
	if (input.title.trim() === '') throw invalidInput(['title cannot be empty']);
	checkWindow(input.starts_at, input.ends_at);
}

const createPost: RestHandler = (store, request) => {
	const page = findPage(store, request);
	const input = (request.match.body as { post: PostInput }).post;
	checkPostInput(page, input);
	const id = store.ids.object();
	const post: Post = {
		id,
		type: 'status_page_post',
		self: `${API_BASE}/status_pages/${page.id}/posts/${id}`,
		post_type: input.post_type,
		title: input.title,
		starts_at: input.starts_at,
		ends_at: input.ends_at,
		status_page: pageRef(page),
		linked_resource: null,
		postmortem: null,
		updates: [],
	};
	post.updates = (input.updates ?? []).map((update) => buildUpdate(store, page, post, update));
	page.posts.push(post);
	return { status: 201, body: { post: renderPost(post, false) } };
};

const updatePost: RestHandler = (store, request) => {
	const { page, post } = findPost(store, request);
	const input = (request.match.body as { post: PostInput }).post;
	checkPostInput(page, input);
	if (input.post_type !== post.post_type)
		throw invalidInput(["post_type cannot change: the post's updates belong to its type"]);
	Object.assign(post, { title: input.title, starts_at: input.starts_at, ends_at: input.ends_at });
	return { status: 200, body: { post: renderPost(post, false) } };
};

const createPostUpdate: RestHandler = (store, request) => {
	const { page, post } = findPost(store, request);
	const input = (request.match.body as { post_update: UpdateInput }).post_update;
	// The contract's overlay leaves `post` optional for the posts' create; here it is required.
	if (input.post?.id !== post.id)
		throw invalidInput([`post must be the post of the path (${post.id})`]);
	const update = buildUpdate(store, page, post, input);
	post.updates.push(update);
	return { status: 201, body: { post_update: update } };
};

export const STATUS_PAGE_HANDLERS: Record<string, RestHandler> = {
	'GET /status_pages': (store, request) => {
		const type = queryValue(request, 'status_page_type');
		const pages = statusPages(store).filter(
			(page) => type === undefined || page.status_page_type === type,
		);
		return paginate(request, pages, 'status_pages', renderPage);
	},
	'GET /status_pages/{id}/severities': listLabels('severities'),
	'GET /status_pages/{id}/impacts': listLabels('impacts'),
	'GET /status_pages/{id}/statuses': listLabels('statuses'),
	'GET /status_pages/{id}/services': (store, request) =>
		paginate(request, findPage(store, request).services, 'services'),
	'GET /status_pages/{id}/posts': (store, request) => {
		const postType = queryValue(request, 'post_type');
		const reviewed = queryValue(request, 'reviewed_status');
		const statuses = queryList(request, 'status[]');
		// Newest first; the filters look at each post's latest update.
		const posts = [...findPage(store, request).posts]
			.reverse()
			.filter(
				(post) =>
					(postType === undefined || post.post_type === postType) &&
					(reviewed === undefined || latest(post)?.reviewed_status === reviewed) &&
					(statuses === undefined || statuses.includes(latest(post)?.status.id)),
			);
		return paginate(request, posts, 'posts', (post) => renderPost(post, false));
	},
	'POST /status_pages/{id}/posts': createPost,
	'GET /status_pages/{id}/posts/{post_id}': (store, request) => {
		const { post } = findPost(store, request);
		const include = queryList(request, 'include[]') ?? [];
		return {
			status: 200,
			body: { post: renderPost(post, include.includes('status_page_post_update')) },
		};
	},
	'PUT /status_pages/{id}/posts/{post_id}': updatePost,
	'GET /status_pages/{id}/posts/{post_id}/post_updates': (store, request) => {
		const { post } = findPost(store, request);
		const reviewed = queryValue(request, 'reviewed_status');
		const updates = post.updates.filter(
			(update) => reviewed === undefined || update.reviewed_status === reviewed,
		);
		return paginate(request, updates, 'post_updates');
	},
	'POST /status_pages/{id}/posts/{post_id}/post_updates': createPostUpdate,
};
