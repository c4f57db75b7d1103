import { createHmac, timingSafeEqual } from 'crypto';

const SIGNATURE_VERSION = 'v1=';
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** The v1 signatures in an X-PagerDuty-Signature header (several while PagerDuty rotates the secret). */
export function signaturesOf(header: string | string[] | undefined): Buffer[] {
	const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
	return values
		.flatMap((value) => value.split(','))
		.map((entry) => entry.trim())
		.filter((entry) => entry.startsWith(SIGNATURE_VERSION))
		.map((entry) => entry.slice(SIGNATURE_VERSION.length))
		.filter((hex) => HEX_SHA256.test(hex))
		.map((hex) => Buffer.from(hex, 'hex'));
}

/**
 * Whether one of the header's signatures is the HMAC-SHA256 of exactly these bytes under the
 * subscription's secret. Every candidate is compared in constant time.
 */
export function isSignedBy(
	secret: string,
	rawBody: Buffer,
	header: string | string[] | undefined,
): boolean {
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	let matched = false;
	for (const candidate of signaturesOf(header)) {
		// Compare all of them, so the time taken does not tell which entry (if any) matched.
		if (candidate.length === expected.length && timingSafeEqual(candidate, expected))
			matched = true;
	}
	return matched;
}

/** PagerDuty retries a delivery for up to 48 hours: a repeat is recognised that long. */
export const DEDUP_WINDOW_MS = 48 * 60 * 60 * 1000;
/** Keys remembered per trigger; past this the oldest are forgotten first. */
export const DEDUP_MAX_KEYS = 10_000;

/**
 * Deliveries one trigger (workflow and node) has accepted recently, in this process's memory. A delivery is a
 * repeat when its X-Webhook-Id (PagerDuty's retries keep it) or its event id (signed, inside the body: a replayed
 * body with a new or no X-Webhook-Id keeps it) was accepted before. Keys live in Maps, so any string, such as
 * "constructor", is just a key.
 *
 * Memory, not the workflow's static data, on purpose: in queue mode every webhook request reads static data from
 * the database and writes all of it back, so concurrent deliveries would not see each other (20 simultaneous copies
 * of one delivery ran 20 times, measured), and a write from a request that read before a re-activation would put
 * back the old signing secret. The price: a repeat that reaches another process (a second webhook processor) or
 * arrives after a restart is not recognised. Downstream, the output's event `id` de-duplicates for good.
 * A delivery is only accepted for good once n8n has answered PagerDuty with a 2xx (see forget()): one that n8n
 * failed to start is run when PagerDuty retries it, never dropped as a repeat.
 */
export class RecentDeliveries {
	private readonly byTrigger = new Map<string, Map<string, number>>();

	constructor(
		private readonly windowMs = DEDUP_WINDOW_MS,
		private readonly maxKeys = DEDUP_MAX_KEYS,
	) {}

	/**
	 * Whether a delivery with these keys was already accepted by this trigger; if not, it is accepted now. Check and
	 * record happen in one synchronous step, so simultaneous copies cannot both be accepted.
	 */
	isRepeat(trigger: string, keys: string[], now: number): boolean {
		const seen = this.byTrigger.get(trigger) ?? new Map<string, number>();
		this.byTrigger.set(trigger, seen);
		for (const [key, at] of seen) {
			// Insertion order is age order: stop at the first key still inside the window.
			if (now - at <= this.windowMs) break;
			seen.delete(key);
		}
		if (keys.some((key) => seen.has(key))) return true;
		for (const key of keys) seen.set(key, now);
		for (const key of seen.keys()) {
			if (seen.size <= this.maxKeys) break;
			seen.delete(key);
		}
		return false;
	}

	/** Un-accepts a delivery whose execution n8n did not start: PagerDuty's retry of it must run. */
	forget(trigger: string, keys: string[]): void {
		const seen = this.byTrigger.get(trigger);
		for (const key of keys) seen?.delete(key);
	}
}
