/** Polls `read` every 100 ms until it returns something other than undefined, for up to `waitMs`. */
export async function eventually<T>(
	what: string,
	read: () => Promise<T | undefined> | T | undefined,
	waitMs = 10_000,
): Promise<T> {
	const deadline = Date.now() + waitMs;
	for (;;) {
		const value = await read();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`no ${what} within ${waitMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}
