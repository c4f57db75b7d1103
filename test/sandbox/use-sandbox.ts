// The sandbox of a sandbox test file: started before its tests, reset before each, closed after all.
import type { PagerDutySandbox, SandboxOptions } from '../../dev/sandbox/server';
import { startSandbox } from '../../dev/sandbox/server';

/** Starts a sandbox for the enclosing `describe` (or file); the started one is `.sandbox`. */
export function useSandboxServer(options?: SandboxOptions): { readonly sandbox: PagerDutySandbox } {
	let sandbox: PagerDutySandbox;
	beforeAll(async () => {
		sandbox = await startSandbox(options);
	});
	afterAll(async () => {
		await sandbox?.close();
	});
	beforeEach(() => sandbox.reset());
	return {
		get sandbox() {
			return sandbox;
		},
	};
}
