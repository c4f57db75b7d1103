// The abuse suite's figures: every case is recorded, and each file prints its tally when it ends.
import type { RunNodeResult } from '../../dev/harness/engine';
import { exposedText } from '../integration/hostile';

export interface CaseRecord {
	name: string;
	operation: string;
	/** Requests the sandbox received for this case. */
	requests: number;
	/** Input items that came out as success where the case said they must fail. */
	silentSuccesses: number;
	/** Secrets found anywhere in the run (run data with hidden properties, items, thrown error). */
	leaks: string[];
	/** Requests that reached a host other than the credential's. */
	foreignRequests: number;
}

export function createTally(title: string) {
	const cases: CaseRecord[] = [];
	return {
		cases,
		/** Records one case: which items must be errors, what the run exposed, what reached servers. */
		record(
			entry: Omit<CaseRecord, 'silentSuccesses' | 'leaks'>,
			result: RunNodeResult,
			secrets: string[],
			mustFail: number[],
		): CaseRecord {
			const errorByItem = new Map<number, boolean>();
			for (const item of result.items) {
				const paired = (item.pairedItem as { item: number } | undefined)?.item ?? -1;
				errorByItem.set(
					paired,
					(errorByItem.get(paired) ?? false) || item.json.error !== undefined,
				);
			}
			const silentSuccesses = result.error
				? 0
				: mustFail.filter((index) => errorByItem.get(index) !== true).length;
			const text = exposedText(result);
			const record = {
				...entry,
				silentSuccesses,
				leaks: secrets.filter((secret) => text.includes(secret)),
			};
			cases.push(record);
			return record;
		},
		figures() {
			return {
				cases: cases.length,
				operations: new Set(cases.map((entry) => entry.operation)).size,
				refusedBeforeSending: cases.filter((entry) => entry.requests === 0).length,
				reachedTheServer: cases.filter((entry) => entry.requests > 0).length,
				leaksFound: cases.reduce((sum, entry) => sum + entry.leaks.length, 0),
				silentSuccesses: cases.reduce((sum, entry) => sum + entry.silentSuccesses, 0),
				foreignRequests: cases.reduce((sum, entry) => sum + entry.foreignRequests, 0),
			};
		},
		print() {
			process.stdout.write(`\n[abuse] ${title}: ${JSON.stringify(this.figures())}\n`);
		},
	};
}
