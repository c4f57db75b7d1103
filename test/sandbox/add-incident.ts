// A new open incident in a sandbox store, for tests that need incidents at chosen times.
import { isoSeconds } from '../../dev/sandbox/seed';
import type { Incident, SandboxStore, Service } from '../../dev/sandbox/store';

/** A triggered incident on `service`, created `minutesAgo` before the store's now, unassigned. */
export function addIncident(
	store: SandboxStore,
	title: string,
	service: Service,
	minutesAgo = 0,
): Incident {
	return store.createIncident({
		title,
		service,
		escalationPolicy: store.escalationPolicy(service.escalation_policy.id)!,
		assignees: [],
		urgency: 'high',
		priority: null,
		incidentKey: null,
		body: null,
		conferenceBridge: null,
		incidentType: 'incident_default',
		agent: store.ref(service),
		channel: { type: 'api' },
		at: isoSeconds(store.nowMs() - minutesAgo * 60_000),
	});
}
