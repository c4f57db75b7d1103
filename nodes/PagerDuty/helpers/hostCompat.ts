/**
 * What differs between the n8n lines this package runs in (1.123.x and 2.x). Each difference is detected when
 * it is used, never at load, so an older host loads the package and takes the form it has.
 */
import * as n8nWorkflow from 'n8n-workflow';

type SleepWithAbort = (ms: number, signal: AbortSignal) => Promise<void>;

/**
 * Waits `ms`, or rejects as soon as `signal` aborts (the execution was cancelled).
 * n8n-workflow 2.x's `sleep(ms, signal)` honours the signal. 1.x's `sleep(ms)` ignores a second argument, so a
 * cancelled execution would sit out a whole rate-limit wait; 1.x exports the abortable `sleepWithAbort` instead.
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	const sleepWithAbort = (n8nWorkflow as { sleepWithAbort?: SleepWithAbort }).sleepWithAbort;
	if (signal && typeof sleepWithAbort === 'function') return await sleepWithAbort(ms, signal);
	return await n8nWorkflow.sleep(ms, signal);
}
