import { call } from '../../dev/sandbox/helpers';
import { LACKED_ABILITIES } from '../../dev/sandbox/rest-abilities';
import { PagerDutySandbox, startSandbox } from '../../dev/sandbox/server';

describe('PagerDuty sandbox abilities', () => {
	let sandbox: PagerDutySandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ seed: { incidents: 1 } });
	});
	afterAll(async () => {
		await sandbox.close();
	});

	it('answers 204 for a held ability, 402 for a known one the account lacks, 404 otherwise', async () => {
		const held = await call(sandbox.url, 'GET', '/abilities/teams');
		expect(held.status).toBe(204);
		expect(held.body).toBeUndefined();
		expect(LACKED_ABILITIES.some((name) => sandbox.store.abilities.includes(name))).toBe(false);
		const lacked = await call(sandbox.url, 'GET', `/abilities/${LACKED_ABILITIES[0]}`);
		expect(lacked.status).toBe(402);
		expect(lacked.body.error.errors).toEqual([
			`Required abilities are unavailable: ${LACKED_ABILITIES[0]}`,
		]);
		expect((await call(sandbox.url, 'GET', '/abilities/nothing')).status).toBe(404);
	});

	it('lists the held abilities', async () => {
		const listed = await call(sandbox.url, 'GET', '/abilities');
		expect(listed.body).toEqual({ abilities: sandbox.store.abilities });
	});
});
