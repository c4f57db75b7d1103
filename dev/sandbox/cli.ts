/**
 * Runs the sandbox standalone: `node .build/dev/sandbox/cli.js` (after `npx tsc -p dev/tsconfig.json`).
 * Env: SANDBOX_PORT (4010), SANDBOX_HOST (127.0.0.1), SANDBOX_TOKEN (account key),
 * SANDBOX_USER_TOKEN + SANDBOX_USER_EMAIL (user key), SANDBOX_OAUTH_CLIENT_ID/SECRET (classic),
 * SANDBOX_SCOPED_CLIENT_ID/SECRET (Scoped OAuth app), SANDBOX_REGION (us|eu), SANDBOX_INCIDENTS, SANDBOX_RANDOM_SEED, SANDBOX_LATENCY_MS, SANDBOX_ENFORCE_RATE_LIMIT=true.
 */
import {
	ApiTokenConfig,
	DEFAULT_ACCOUNT_TOKEN,
	DEFAULT_OAUTH_CLIENT,
	DEFAULT_SCOPED_OAUTH_APP,
	DEFAULT_SUBDOMAIN,
	DEFAULT_USER_TOKEN,
	startSandbox,
} from './server';

function numberFromEnv(name: string): number | undefined {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return undefined;
	const value = Number(raw);
	if (!Number.isFinite(value)) throw new Error(`${name} must be a number`);
	return value;
}

async function main(): Promise<void> {
	const apiTokens: ApiTokenConfig[] = [
		{ token: process.env.SANDBOX_TOKEN ?? DEFAULT_ACCOUNT_TOKEN, kind: 'account' },
		{
			token: process.env.SANDBOX_USER_TOKEN ?? DEFAULT_USER_TOKEN,
			kind: 'user',
			userEmail: process.env.SANDBOX_USER_EMAIL,
		},
	];
	const oauthClient = {
		clientId: process.env.SANDBOX_OAUTH_CLIENT_ID ?? DEFAULT_OAUTH_CLIENT.clientId,
		clientSecret: process.env.SANDBOX_OAUTH_CLIENT_SECRET ?? DEFAULT_OAUTH_CLIENT.clientSecret,
	};
	const scopedApp = {
		...DEFAULT_SCOPED_OAUTH_APP,
		clientId: process.env.SANDBOX_SCOPED_CLIENT_ID ?? DEFAULT_SCOPED_OAUTH_APP.clientId,
		clientSecret: process.env.SANDBOX_SCOPED_CLIENT_SECRET ?? DEFAULT_SCOPED_OAUTH_APP.clientSecret,
	};
	const region = process.env.SANDBOX_REGION === 'eu' ? 'eu' : 'us';
	const sandbox = await startSandbox({
		port: numberFromEnv('SANDBOX_PORT') ?? 4010,
		host: process.env.SANDBOX_HOST ?? '127.0.0.1',
		apiTokens,
		oauthClients: [oauthClient, scopedApp],
		region,
		seed: {
			incidents: numberFromEnv('SANDBOX_INCIDENTS'),
			randomSeed: numberFromEnv('SANDBOX_RANDOM_SEED'),
		},
		latencyMs: numberFromEnv('SANDBOX_LATENCY_MS'),
		enforceRateLimit: process.env.SANDBOX_ENFORCE_RATE_LIMIT === 'true',
	});
	process.stdout.write(
		`PagerDuty sandbox listening on ${sandbox.url} (account token ${apiTokens[0].token}, user token ${apiTokens[1].token}, OAuth client ${oauthClient.clientId}, Scoped OAuth app ${scopedApp.clientId} for as_account-${region}.${DEFAULT_SUBDOMAIN})\n`,
	);
	const shutdown = (): void => {
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
