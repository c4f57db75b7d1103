/**
 * Maintenance windows: past, ongoing or future by the sandbox clock. Deleting an ongoing window
 * ends it now, a future one goes away, an ended one cannot be deleted (405, code 5003).
 */
import { invalidInput, PagerDutyError } from './errors';
import {
	findById,
	matchesQuery,
	paginate,
	queryList,
	queryValue,
	RestHandler,
	RestRequest,
} from './rest-common';
import { isoSeconds } from './seed';
import { API_BASE, Reference, SandboxStore, Service } from './store';

export interface MaintenanceWindow {
	id: string;
	type: 'maintenance_window';
	summary: string;
	self: string;
	html_url: string;
	sequence_number: number;
	start_time: string;
	end_time: string;
	description: string;
	created_by: Reference | null;
	services: Reference[];
	teams: Reference[];
}

interface MaintenanceWindowInput {
	start_time: string;
	end_time: string;
	description?: string;
	services: Array<{ id: string }>;
}

type WindowState = 'past' | 'ongoing' | 'future';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export const PAST_MAINTENANCE_WINDOW_ERROR = 'Cannot cancel past maintenance window';

function teamsOf(services: Service[]): Reference[] {
	const teams = services.flatMap((service) => service.teams);
	return teams.filter((team, index) => teams.findIndex((other) => other.id === team.id) === index);
}

function build(
	store: SandboxStore,
	sequence: number,
	input: {
		start: string;
		end: string;
		description: string;
		services: Service[];
		createdBy: Reference | null;
	},
): MaintenanceWindow {
	const id = store.ids.object();
	return {
		id,
		type: 'maintenance_window',
		summary: input.description || `Maintenance window #${sequence}`,
		self: `${API_BASE}/maintenance_windows/${id}`,
		html_url: `${store.webBase}/maintenance_windows#/show/${id}`,
		sequence_number: sequence,
		start_time: input.start,
		end_time: input.end,
		description: input.description,
		created_by: input.createdBy,
		services: input.services.map((service) => store.ref(service)),
		teams: teamsOf(input.services),
	};
}

/** One ended, one ongoing and one upcoming window, relative to the store's clock. */
export const maintenanceWindows = (store: SandboxStore) =>
	store.collection<MaintenanceWindow>('maintenanceWindows', (seeded) => {
		const now = seeded.nowMs();
		const admin = seeded.users.find((user) => user.role === 'admin');
		const createdBy = admin ? seeded.ref(admin) : null;
		const [web, checkout, payments, search] = seeded.services;
		const specs: Array<[startMs: number, endMs: number, description: string, services: Service[]]> =
			[
				[
					now - 10 * DAY_MS,
					now - 10 * DAY_MS + 2 * HOUR_MS,
					'Database engine upgrade',
					[checkout, payments],
				],
				[now - HOUR_MS, now + 2 * HOUR_MS, 'Search cluster re-index', [search]],
				[now + 3 * DAY_MS, now + 3 * DAY_MS + 4 * HOUR_MS, 'CDN provider migration', [web]],
			];
		return specs.map(([startMs, endMs, description, services], index) =>
			build(seeded, index + 1, {
				start: isoSeconds(startMs),
				end: isoSeconds(endMs),
				description,
				services,
				createdBy,
			}),
		);
	});

function stateOf(store: SandboxStore, window: MaintenanceWindow): WindowState {
	const now = store.nowMs();
	if (Date.parse(window.end_time) <= now) return 'past';
	return Date.parse(window.start_time) <= now ? 'ongoing' : 'future';
}

function matchesFilter(state: WindowState, filter: string | undefined): boolean {
	if (filter === undefined || filter === 'all') return true;
	if (filter === 'open') return state !== 'past';
	return state === filter;
}

function render(store: SandboxStore, request: RestRequest, window: MaintenanceWindow): unknown {
	const include = queryList(request, 'include[]') ?? [];
	if (include.length === 0) return window;
	const full = <T>(references: Reference[], find: (id: string) => T | undefined) =>
		references.map((reference) => find(reference.id) ?? reference);
	return {
		...window,
		...(include.includes('services') && {
			services: full(window.services, (id) => store.service(id)),
		}),
		...(include.includes('teams') && { teams: full(window.teams, (id) => store.team(id)) }),
		...(include.includes('users') &&
			window.created_by && { created_by: store.user(window.created_by.id) ?? window.created_by }),
	};
}

function existing(store: SandboxStore, id: string): MaintenanceWindow {
	return findById(maintenanceWindows(store), id);
}

/** Checks the times and services PagerDuty would refuse; returns the services. */
function checkInput(store: SandboxStore, input: MaintenanceWindowInput): Service[] {
	const errors: string[] = [];
	const start = Date.parse(input.start_time);
	const end = Date.parse(input.end_time);
	if (end <= start) errors.push('End time must be after start time');
	if (end <= store.nowMs()) errors.push('End time must be in the future');
	if (input.services.length === 0) errors.push('Services must include at least one service');
	const services = input.services.map((reference) => store.service(reference.id));
	if (services.some((service) => !service)) errors.push('Services must be existing services');
	if (errors.length > 0) throw invalidInput(errors);
	return services as Service[];
}

export const MAINTENANCE_WINDOW_HANDLERS: Record<string, RestHandler> = {
	'GET /maintenance_windows': (store, request) => {
		const filter = queryValue(request, 'filter');
		const serviceIds = queryList(request, 'service_ids[]');
		const teamIds = queryList(request, 'team_ids[]');
		const windows = maintenanceWindows(store)
			.filter((window) => matchesFilter(stateOf(store, window), filter))
			.filter(
				(window) =>
					!serviceIds || window.services.some((service) => serviceIds.includes(service.id)),
			)
			.filter((window) => !teamIds || window.teams.some((team) => teamIds.includes(team.id)))
			.filter((window) => matchesQuery(request, window.description))
			.sort((a, b) => a.start_time.localeCompare(b.start_time));
		return paginate(request, windows, 'maintenance_windows', (window) =>
			render(store, request, window),
		);
	},
	'POST /maintenance_windows': (store, request) => {
		const input = (request.match.body as { maintenance_window: MaintenanceWindowInput })
			.maintenance_window;
		const services = checkInput(store, input);
		const windows = maintenanceWindows(store);
		const window = build(store, windows.length + 1, {
			start: isoSeconds(Date.parse(input.start_time)),
			end: isoSeconds(Date.parse(input.end_time)),
			description: input.description ?? '',
			services,
			createdBy: request.actor && store.ref(request.actor),
		});
		windows.push(window);
		return { status: 201, body: { maintenance_window: window } };
	},
	'GET /maintenance_windows/{id}': (store, request) => ({
		status: 200,
		body: {
			maintenance_window: render(store, request, existing(store, request.match.pathParams.id)),
		},
	}),
	'PUT /maintenance_windows/{id}': (store, request) => {
		const window = existing(store, request.match.pathParams.id);
		if (stateOf(store, window) === 'past')
			throw invalidInput(['Cannot update a maintenance window that has ended']);
		const input = (request.match.body as { maintenance_window: MaintenanceWindowInput })
			.maintenance_window;
		const services = checkInput(store, input);
		window.start_time = isoSeconds(Date.parse(input.start_time));
		window.end_time = isoSeconds(Date.parse(input.end_time));
		if (input.description !== undefined) {
			window.description = input.description;
			window.summary = input.description || `Maintenance window #${window.sequence_number}`;
		}
		window.services = services.map((service) => store.ref(service));
		window.teams = teamsOf(services);
		return { status: 200, body: { maintenance_window: window } };
	},
	'DELETE /maintenance_windows/{id}': (store, request) => {
		const window = existing(store, request.match.pathParams.id);
		const state = stateOf(store, window);
		if (state === 'past') {
			throw new PagerDutyError(405, {
				error: { message: PAST_MAINTENANCE_WINDOW_ERROR, code: 5003 },
			});
		}
		if (state === 'ongoing') {
			window.end_time = store.nowIso();
		} else {
			const windows = maintenanceWindows(store);
			windows.splice(windows.indexOf(window), 1);
		}
		return { status: 204, body: null };
	},
};
