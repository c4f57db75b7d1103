// The benchmark's PagerDuty sandbox, in a worker thread of its own: PagerDuty's work (rendering and
// serialising records) then runs beside the node's instead of taking turns on one event loop.
import { parentPort, workerData } from 'worker_threads';

import type { RandomFault, SandboxOptions } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';

export type SandboxCall =
	| { call: 'reset' }
	| { call: 'setRandomFaults'; faults: RandomFault[]; seed: number }
	| { call: 'requests' }
	| { call: 'incidents' }
	| { call: 'stats' }
	| { call: 'close' };

async function serve() {
	const sandbox = await startSandbox(workerData as SandboxOptions);
	const port = parentPort!;
	port.on('message', async (message: SandboxCall & { id: number }) => {
		let result: unknown;
		switch (message.call) {
			case 'reset':
				sandbox.reset();
				break;
			case 'setRandomFaults':
				sandbox.setRandomFaults(message.faults, message.seed);
				break;
			case 'requests':
				result = sandbox.requests.map(({ method, path, status }) => ({ method, path, status }));
				break;
			case 'stats':
				result = { ...sandbox.stats };
				break;
			case 'incidents':
				result = sandbox.store.incidents.map(({ id, status }) => ({ id, status }));
				break;
			case 'close':
				await sandbox.close();
				break;
		}
		port.postMessage({ id: message.id, result });
		if (message.call === 'close') port.close();
	});
	port.postMessage({ id: 0, result: sandbox.url });
}

void serve();
