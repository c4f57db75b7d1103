/** What one task produced: its value, or the error it threw. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: Error };

/**
 * Runs `task(0) … task(count - 1)` with at most `limit` under way at once and returns the results in
 * index order, whatever order they finished in. With `stopOnError`, no new task starts after one fails
 * (those already running finish); the ones never started are left out of the result.
 */
export async function settleWithConcurrency<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
	stopOnError = false,
): Promise<Array<Settled<T>>> {
	const results: Array<Settled<T>> = new Array(count);
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (next < count && !(stopOnError && failed)) {
			const index = next++;
			try {
				results[index] = { ok: true, value: await task(index) };
			} catch (error) {
				failed = true;
				results[index] = { ok: false, error: error as Error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
	return results.filter((result) => result !== undefined);
}
