/**
 * Starts the real stack once for all e2e suites: the PagerDuty sandbox, the EU-host TLS proxy and n8n with this
 * package installed from its `npm pack` tarball into a fresh user folder; then creates the owner and an API key.
 * Addresses go to .e2e/e2e-state.json for the test files; the handles stay here for global teardown.
 * Which n8n: the jest config's `globals.n8nVersion` (the smoke stage's 1.123.x), else N8N_VERSION (2.41.1).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

import globalTeardown from './global-teardown';
import { EuProxy, startEuProxy } from '../../dev/n8n/eu-proxy';
import { N8nClient } from '../../dev/n8n/n8n-client';
import { ensureN8nHost, installPackedPackage, N8nHost } from '../../dev/n8n/n8n-host';
import { freePort, N8nProcess, startN8n } from '../../dev/n8n/n8n-process';
import { ARTIFACTS_DIR, N8N_VERSION, STATE_FILE } from '../../dev/n8n/paths';
import { E2eState } from '../../dev/n8n/state';
import { PagerDutySandbox, startSandbox } from '../../dev/sandbox/server';

export interface E2eHandles {
	sandbox: PagerDutySandbox;
	proxy: EuProxy;
	n8n?: N8nProcess;
	userFolder: string;
}

const log = (line: string): void => {
	process.stderr.write(`[e2e] ${line}\n`);
};

const secondsSince = (started: number): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;

export default async function globalSetup(
	_config: unknown,
	project?: { globals?: { n8nVersion?: string } },
): Promise<void> {
	const started = Date.now();
	const host = ensureN8nHost(log, project?.globals?.n8nVersion ?? N8N_VERSION);
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	const userFolder = mkdtempSync(join(tmpdir(), 'pd-e2e-n8n-'));
	installPackedPackage(userFolder, log);
	log(`package packed and installed into ${userFolder}/.n8n/nodes (${secondsSince(started)})`);

	const sandbox = await startSandbox({ port: 0 });
	const proxy = await startEuProxy(sandbox.url);
	const handles: E2eHandles = { sandbox, proxy, userFolder };
	(globalThis as { __PD_E2E__?: E2eHandles }).__PD_E2E__ = handles;
	try {
		await startN8nWithOwner(handles, host, started);
	} catch (error) {
		// Jest runs no global teardown when global setup fails: stop what was started, or n8n outlives the run.
		await globalTeardown();
		throw error;
	}
}

async function startN8nWithOwner(
	handles: E2eHandles,
	host: N8nHost,
	started: number,
): Promise<void> {
	const { sandbox, proxy, userFolder } = handles;
	const n8nPort = await freePort();
	const brokerPort = await freePort();
	const logFile = join(ARTIFACTS_DIR, `n8n-${host.version}.log`);
	writeFileSync(logFile, '');
	handles.n8n = await startN8n({
		host,
		userFolder,
		port: n8nPort,
		brokerPort,
		logFile,
		echo: process.env.PD_E2E_ECHO === '1' ? (chunk) => process.stderr.write(chunk) : undefined,
		env: {
			HTTPS_PROXY: proxy.url,
			NO_PROXY: '127.0.0.1,localhost,::1',
			NODE_EXTRA_CA_CERTS: proxy.caFile,
			// cancellation.e2e.ts reads from it when a node finished.
			N8N_LOG_LEVEL: 'debug',
		},
	});
	log(
		`n8n ${host.version} ready on ${handles.n8n.url} (${secondsSince(started)}), sandbox on ${sandbox.url}`,
	);

	const client = new N8nClient(handles.n8n.url, { n8nVersion: host.version });
	await client.setupOwner();
	await client.login();
	await client.createApiKey();

	const state: E2eState = {
		n8nVersion: host.version,
		n8nUrl: handles.n8n.url,
		sandboxUrl: sandbox.url,
		apiKey: client.apiKey,
		cookie: client.cookie,
		userFolder,
		logFile,
		n8nPort,
		brokerPort,
		euProxyUrl: proxy.url,
		euCaFile: proxy.caFile,
	};
	mkdirSync(dirname(STATE_FILE), { recursive: true });
	writeFileSync(STATE_FILE, JSON.stringify(state, null, '\t'));
	log(`owner and API key ready (${secondsSince(started)})`);
}
