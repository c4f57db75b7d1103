// How long n8n takes to load the built node. n8n loads every installed node at start-up (main,
// worker and webhook processes) with n8n-workflow already loaded, so only the package's own code
// (zod bundled in it) is timed: `require` of the built file in a fresh process, the median of several.
import { execFileSync } from 'child_process';
import { resolve } from 'path';

const ROOT = resolve(__dirname, '../../..');

export const BUILT_NODE = resolve(ROOT, 'dist/nodes/PagerDuty/PagerDuty.node.js');

const TIME_REQUIRE =
	"require('n8n-workflow');const t=process.hrtime.bigint();require(process.argv[1]);console.log(Number(process.hrtime.bigint()-t)/1e6)";

/** Milliseconds to `require` the file, in `runs` fresh processes; the median and every run, sorted. */
export function loadTimeMs(file = BUILT_NODE, runs = 9): { median: number; runs: number[] } {
	const times = Array.from({ length: runs }, () =>
		Number(execFileSync(process.execPath, ['-e', TIME_REQUIRE, file], { cwd: ROOT }).toString()),
	).sort((a, b) => a - b);
	return { median: times[Math.floor(times.length / 2)], runs: times };
}

if (require.main === module) {
	const { median, runs } = loadTimeMs(process.argv[2] ? resolve(process.argv[2]) : BUILT_NODE);
	process.stdout.write(
		`require() of the built node: median ${median.toFixed(1)} ms (${runs.map((ms) => ms.toFixed(0)).join(', ')})\n`,
	);
}
