/**
 * The queue-mode stack the fleet tests, `npm run bench:fleet` and `npm run dev -- --queue` share: the PagerDuty
 * sandbox, then the fleet (Postgres, Redis, n8n main, workers, webhook processor), then the owner and an API key.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import { Fleet, startFleet } from './fleet';
import { N8nClient } from '../n8n/n8n-client';
import { Log } from '../n8n/n8n-host';
import { N8nRole } from '../n8n/n8n-process';
import { REPO_ROOT } from '../n8n/paths';
import { PagerDutySandbox, SandboxOptions, startSandbox } from '../sandbox/server';

/** Where the fleet tests' global setup leaves the stack's addresses (git-ignored). */
export const FLEET_STATE_FILE = join(REPO_ROOT, '.e2e', 'fleet-state.json');

export interface FleetState {
	mainUrl: string;
	webhookUrl: string;
	sandboxUrl: string;
	apiKey: string;
	cookie: string;
	members: Array<{ name: string; role: N8nRole; logFile: string; userFolder: string }>;
}

export interface FleetStack {
	state: FleetState;
	sandbox: PagerDutySandbox;
	fleet: Fleet;
	client: N8nClient;
	stop(): Promise<void>;
}

export interface FleetStackOptions {
	logDir: string;
	log: Log;
	workers?: number;
	concurrency?: number;
	sandbox?: SandboxOptions;
	echo?: (chunk: string) => void;
	/** Extra environment for every n8n process, and fixed ports (see FleetOptions). */
	env?: Record<string, string>;
	mainPort?: number;
	webhookPort?: number;
}

export async function startFleetStack(options: FleetStackOptions): Promise<FleetStack> {
	const sandbox = await startSandbox({ port: 0, ...options.sandbox });
	let fleet: Fleet;
	try {
		fleet = await startFleet({
			logDir: options.logDir,
			log: options.log,
			workers: options.workers,
			concurrency: options.concurrency,
			echo: options.echo,
			env: options.env,
			mainPort: options.mainPort,
			webhookPort: options.webhookPort,
		});
	} catch (error) {
		await sandbox.close();
		throw error;
	}
	const stop = async () => {
		await fleet.stop();
		await sandbox.close();
	};
	try {
		const client = new N8nClient(fleet.mainUrl, { webhookUrl: fleet.webhookUrl });
		await client.setupOwner();
		await client.login();
		await client.createApiKey();
		const state: FleetState = {
			mainUrl: fleet.mainUrl,
			webhookUrl: fleet.webhookUrl,
			sandboxUrl: sandbox.url,
			apiKey: client.apiKey,
			cookie: client.cookie,
			members: fleet.members.map(({ name, role, logFile, userFolder }) => ({
				name,
				role,
				logFile,
				userFolder,
			})),
		};
		return { state, sandbox, fleet, client, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

export function readFleetState(): FleetState {
	return JSON.parse(readFileSync(FLEET_STATE_FILE, 'utf8')) as FleetState;
}

export function fleetClient(state: FleetState): N8nClient {
	const client = new N8nClient(state.mainUrl, { webhookUrl: state.webhookUrl });
	client.apiKey = state.apiKey;
	client.cookie = state.cookie;
	return client;
}
