/** What the fleet suites share: the stack's state, clients, and where an execution ran. */
import { executionsRunBy } from '../../dev/fleet/fleet';
import { fleetClient, FleetState, readFleetState } from '../../dev/fleet/stack';
import { N8nClient } from '../../dev/n8n/n8n-client';
import { SandboxClient } from '../../dev/n8n/state';
import type { ControlDelivery } from '../../dev/sandbox/server';

export interface Execution {
	id: string;
	status: string;
	workflowId: string;
	data?: {
		resultData?: { runData?: Record<string, Array<{ data?: { main?: unknown[][] } }>> };
	};
}

export interface FleetContext {
	state: FleetState;
	n8n: N8nClient;
	sandbox: SandboxClient;
}

export function fleetContext(): FleetContext {
	const state = readFleetState();
	return { state, n8n: fleetClient(state), sandbox: new SandboxClient(state.sandboxUrl) };
}

/** The name of the process whose log says it ran this execution ("worker-1", ...), or undefined. */
export function whereRan(state: FleetState): (executionId: string) => string | undefined {
	const byExecution = new Map<string, string>();
	for (const member of state.members) {
		for (const id of executionsRunBy(member.logFile)) byExecution.set(id, member.name);
	}
	return (executionId) => byExecution.get(executionId);
}

/** Every execution of a workflow, newest first (public API, all pages). */
export async function executionsOf(
	n8n: N8nClient,
	workflowId: string,
	includeData = false,
): Promise<Execution[]> {
	const executions: Execution[] = [];
	let cursor: string | undefined;
	do {
		const page = await n8n.api<{ data: Execution[]; nextCursor?: string | null }>(
			'GET',
			`/executions?workflowId=${workflowId}&limit=250&includeData=${includeData}${cursor ? `&cursor=${cursor}` : ''}`,
		);
		executions.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return executions;
}

/** Waits until a workflow has `count` finished executions (or the time is up), and returns them. */
export async function waitForExecutions(
	n8n: N8nClient,
	workflowId: string,
	count: number,
	timeoutMs = 60_000,
	includeData = false,
): Promise<Execution[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const executions = await executionsOf(n8n, workflowId, includeData);
		const finished = executions.filter((execution) =>
			['success', 'error', 'crashed', 'canceled'].includes(execution.status),
		);
		if (finished.length >= count || Date.now() > deadline) return finished;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

export async function deliver(
	sandbox: SandboxClient,
	body: Record<string, unknown>,
): Promise<ControlDelivery[]> {
	return (
		await sandbox.control<{ deliveries: ControlDelivery[] }>('POST', 'webhooks/deliver', body)
	).deliveries;
}

/** Prints a measured figure (collected for the report and the README). */
export function report(line: string): void {
	process.stderr.write(`[fleet] ${line}\n`);
}
