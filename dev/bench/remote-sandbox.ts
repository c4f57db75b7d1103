import { resolve } from 'path';
import { Worker } from 'worker_threads';

import type { SandboxCall } from './sandbox-worker';
import type { PagerDutySandbox, RandomFault, SandboxOptions } from '../sandbox/server';

export interface BenchRequest {
	method: string;
	path: string;
	status: number;
}

/** Drives the sandbox running in sandbox-worker.ts. */
export class RemoteSandbox {
	private nextId = 1;

	private readonly pending = new Map<number, (result: unknown) => void>();

	private constructor(
		private readonly worker: Worker,
		readonly url: string,
	) {
		worker.on('message', ({ id, result }: { id: number; result: unknown }) => {
			this.pending.get(id)?.(result);
			this.pending.delete(id);
		});
	}

	static async start(options: SandboxOptions): Promise<RemoteSandbox> {
		const worker = new Worker(resolve(__dirname, 'sandbox-worker.js'), { workerData: options });
		const url = await new Promise<string>((done, fail) => {
			worker.once('message', ({ result }: { result: string }) => done(result));
			worker.once('error', fail);
		});
		return new RemoteSandbox(worker, url);
	}

	private async call<T>(message: SandboxCall): Promise<T> {
		const id = this.nextId++;
		return await new Promise<T>((done) => {
			this.pending.set(id, done as (result: unknown) => void);
			this.worker.postMessage({ ...message, id });
		});
	}

	reset = () => this.call<void>({ call: 'reset' });
	setRandomFaults = (faults: RandomFault[], seed: number) =>
		this.call<void>({ call: 'setRandomFaults', faults, seed });
	requests = () => this.call<BenchRequest[]>({ call: 'requests' });
	stats = () => this.call<PagerDutySandbox['stats']>({ call: 'stats' });
	incidents = () => this.call<Array<{ id: string; status: string }>>({ call: 'incidents' });

	async close(): Promise<void> {
		await this.call<void>({ call: 'close' });
		await this.worker.terminate();
	}
}
