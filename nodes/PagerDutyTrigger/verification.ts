import { createHmac, timingSafeEqual } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

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

/** PagerDuty retries a webhook for up to 48 hours; ids are kept a day and at most this many. */
export const DEDUP_WINDOW_MS = 24 * 60 * 60 * 1000;
export const DEDUP_MAX_IDS = 1000;
const RECENT_IDS_KEY = 'recentWebhookIds';

/**
 * Records a delivery's X-Webhook-Id in the node's static data; false when it was already seen
 * within the window (a retry of a delivery that was already accepted).
 */
export function rememberDelivery(staticData: IDataObject, webhookId: string, now: number): boolean {
	const recent = { ...((staticData[RECENT_IDS_KEY] as Record<string, number> | undefined) ?? {}) };
	for (const [id, at] of Object.entries(recent)) {
		if (now - at > DEDUP_WINDOW_MS) delete recent[id];
	}
	if (recent[webhookId] !== undefined) {
		staticData[RECENT_IDS_KEY] = recent;
		return false;
	}
	recent[webhookId] = now;
	const ids = Object.keys(recent);
	if (ids.length > DEDUP_MAX_IDS) {
		ids
			.sort((a, b) => recent[a] - recent[b])
			.slice(0, ids.length - DEDUP_MAX_IDS)
			.forEach((id) => delete recent[id]);
	}
	staticData[RECENT_IDS_KEY] = recent;
	return true;
}
