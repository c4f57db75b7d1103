/**
 * Tags: labels on users, teams and escalation policies. Adding a tag by label makes it when no
 * tag has that label (any case) and reuses it when one has; deleting a tag removes it from every
 * entity. The account's tag labels are unique (the sandbox's rule, as the web app has it).
 */
import { invalidInput, notFound } from './errors';
import { findById, matchesQuery, paginate, RestHandler, RestRequest } from './rest-common';
import { API_BASE, SandboxStore } from './store';

export type TaggedEntityType = 'users' | 'teams' | 'escalation_policies';

export interface Tag {
	id: string;
	type: 'tag';
	summary: string;
	self: string;
	html_url: null;
	label: string;
}

export interface TagAssignment {
	tagId: string;
	entityType: TaggedEntityType;
	entityId: string;
}

const LABELS = [
	'backend',
	'frontend',
	'payments',
	'search',
	'email',
	'database',
	'network',
	'security',
	'tier-1',
	'tier-2',
	'tier-3',
	'eu',
	'us',
	'apac',
	'on-call',
	'sre',
	'platform',
	'mobile',
	'web',
	'api',
	'batch',
	'streaming',
	'storage',
	'cdn',
	'dns',
	'auth',
	'billing',
	'support',
	'compliance',
	'observability',
	'kubernetes',
	'legacy',
	'beta',
	'critical',
	'internal',
	'vendor',
];

function build(store: SandboxStore, label: string): Tag {
	const id = store.ids.object();
	return { id, type: 'tag', summary: label, self: `${API_BASE}/tags/${id}`, html_url: null, label };
}

/** 36 tags, enough for the lists to page. */
export const tags = (store: SandboxStore) =>
	store.collection<Tag>('tags', (seeded) => LABELS.map((label) => build(seeded, label)));

/** Which entity wears which tag; seeded on users, teams and escalation policies. */
export const tagAssignments = (store: SandboxStore) =>
	store.collection<TagAssignment>('tagAssignments', (seeded) => {
		const byLabel = (label: string) => tags(seeded).find((tag) => tag.label === label)!.id;
		const [jane, alex, priya] = seeded.users;
		const [platform, payments] = seeded.teams;
		const [platformPolicy] = seeded.escalationPolicies;
		const pairs: Array<[string, TaggedEntityType, string]> = [
			['sre', 'users', jane.id],
			['platform', 'users', jane.id],
			['payments', 'users', alex.id],
			['sre', 'users', priya.id],
			['platform', 'teams', platform.id],
			['tier-1', 'teams', platform.id],
			['payments', 'teams', payments.id],
			['tier-1', 'escalation_policies', platformPolicy.id],
		];
		return pairs.map(([label, entityType, entityId]) => ({
			tagId: byLabel(label),
			entityType,
			entityId,
		}));
	});

function existingTag(store: SandboxStore, id: string): Tag {
	return findById(tags(store), id);
}

/** The entity of a path (`/{entity_type}/{id}/…`), which must exist. */
function entityOf(store: SandboxStore, request: RestRequest) {
	const entityType = request.match.pathParams.entity_type as TaggedEntityType;
	const { id } = request.match.pathParams;
	const entity =
		entityType === 'users'
			? store.user(id)
			: entityType === 'teams'
				? store.team(id)
				: store.escalationPolicy(id);
	if (!entity) throw notFound();
	return { entityType, entity };
}

const byLabel = (store: SandboxStore, label: string) =>
	tags(store).find((tag) => tag.label.toLowerCase() === label.trim().toLowerCase());

function checkLabel(label: string | undefined): string {
	const trimmed = (label ?? '').trim();
	if (trimmed === '') throw invalidInput(['Label cannot be empty']);
	return trimmed;
}

interface ChangeTags {
	add?: Array<{ type: 'tag' | 'tag_reference'; id?: string; label?: string }>;
	remove?: Array<{ type: 'tag_reference'; id: string }>;
}

export const TAG_HANDLERS: Record<string, RestHandler> = {
	'GET /tags': (store, request) =>
		paginate(
			request,
			tags(store).filter((tag) => matchesQuery(request, tag.label)),
			'tags',
		),
	'POST /tags': (store, request) => {
		const label = checkLabel((request.match.body as { tag: { label?: string } }).tag.label);
		if (byLabel(store, label)) throw invalidInput(['Label has already been taken']);
		const tag = build(store, label);
		tags(store).push(tag);
		return { status: 201, body: { tag } };
	},
	'GET /tags/{id}': (store, request) => ({
		status: 200,
		body: { tag: existingTag(store, request.match.pathParams.id) },
	}),
	'DELETE /tags/{id}': (store, request) => {
		const tag = existingTag(store, request.match.pathParams.id);
		// Read (so seed) the assignments while the tag still exists: the seed looks tags up by label.
		const assignments = tagAssignments(store);
		const list = tags(store);
		list.splice(list.indexOf(tag), 1);
		for (const assignment of assignments.filter((candidate) => candidate.tagId === tag.id))
			assignments.splice(assignments.indexOf(assignment), 1);
		return { status: 204, body: null };
	},
	// The answer's list is named after the entity type (users, teams, escalation_policies).
	'GET /tags/{id}/{entity_type}': (store, request) => {
		const tag = existingTag(store, request.match.pathParams.id);
		const entityType = request.match.pathParams.entity_type as TaggedEntityType;
		const entities = tagAssignments(store)
			.filter((assignment) => assignment.tagId === tag.id && assignment.entityType === entityType)
			.map(({ entityId }) =>
				entityType === 'users'
					? store.user(entityId)
					: entityType === 'teams'
						? store.team(entityId)
						: store.escalationPolicy(entityId),
			)
			.filter((entity) => entity !== undefined);
		return paginate(request, entities, entityType, (entity) => store.ref(entity));
	},
	'GET /{entity_type}/{id}/tags': (store, request) => {
		const { entityType, entity } = entityOf(store, request);
		const worn = tagAssignments(store)
			.filter(
				(assignment) => assignment.entityType === entityType && assignment.entityId === entity.id,
			)
			.map(({ tagId }) => existingTag(store, tagId));
		return paginate(request, worn, 'tags');
	},
	'POST /{entity_type}/{id}/change_tags': (store, request) => {
		const { entityType, entity } = entityOf(store, request);
		const body = (request.match.body ?? {}) as ChangeTags;
		const assignments = tagAssignments(store);
		const wears = (tagId: string) =>
			assignments.some(
				(assignment) =>
					assignment.tagId === tagId &&
					assignment.entityType === entityType &&
					assignment.entityId === entity.id,
			);
		// Check everything first: a request that fails changes nothing.
		const made = new Map<string, Tag>();
		const adding = (body.add ?? []).map((item) => {
			if (item.type === 'tag_reference') return existingTag(store, item.id ?? '');
			const label = checkLabel(item.label);
			const key = label.toLowerCase();
			const tag = byLabel(store, label) ?? made.get(key) ?? build(store, label);
			made.set(key, tag);
			return tag;
		});
		const removing = (body.remove ?? []).map((item) => existingTag(store, item.id));
		for (const tag of adding) {
			if (!tags(store).includes(tag)) tags(store).push(tag);
			if (!wears(tag.id)) assignments.push({ tagId: tag.id, entityType, entityId: entity.id });
		}
		for (const tag of removing) {
			const index = assignments.findIndex(
				(assignment) =>
					assignment.tagId === tag.id &&
					assignment.entityType === entityType &&
					assignment.entityId === entity.id,
			);
			if (index >= 0) assignments.splice(index, 1);
		}
		return { status: 200, body: {} };
	},
};
