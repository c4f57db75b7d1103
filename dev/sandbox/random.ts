/** Seeded randomness so the sandbox account is identical on every run. */

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** mulberry32: tiny, fast, good enough for fixtures. Returns [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	int(minInclusive: number, maxInclusive: number): number {
		return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	chars(length: number, alphabet = ID_ALPHABET): string {
		let out = '';
		for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
		return out;
	}

	hex(length: number): string {
		return this.chars(length, '0123456789abcdef');
	}
}

/** Generates PagerDuty-looking IDs, never repeating one. */
export class IdFactory {
	private readonly used = new Set<string>();

	constructor(private readonly random: Random) {}

	/** Most objects: "P" + 6 uppercase alphanumerics, e.g. PXPGF42. */
	object(): string {
		return this.unique(() => `P${this.random.chars(6)}`);
	}

	/**
	 * Incidents: "Q" + 13 uppercase alphanumerics, e.g. Q1RZ5T3SXKEXAB. 36^13 values make a
	 * clash practically impossible, so these skip the (costly for 100k+ IDs) uniqueness set.
	 */
	incident(): string {
		return `Q${this.random.chars(13)}`;
	}

	/** Log entries share the long incident-style ID shape (e.g. Q02JTSNZWHSEKV). */
	logEntry(): string {
		return this.incident();
	}

	/**
	 * Event orchestrations: a version-4 UUID, e.g. b02e973d-9620-4e0a-9edc-00fedf7d4694. Like
	 * `ulidLike`, 120+ random bits make a clash practically impossible: no uniqueness set.
	 */
	uuid(): string {
		const variant = this.random.chars(1, '89ab');
		const hex = (length: number) => this.random.hex(length);
		return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
	}

	/**
	 * Automation actions and invocations: 26 uppercase letters and digits starting "01", like a
	 * ULID (PagerDuty's own, e.g. 01DA2MLYN0J5EFC1LKWXUKDDKT, use letters a ULID would not).
	 */
	ulidLike(): string {
		return `01${this.random.chars(24)}`;
	}

	private unique(make: () => string): string {
		for (;;) {
			const id = make();
			if (!this.used.has(id)) {
				this.used.add(id);
				return id;
			}
		}
	}
}
