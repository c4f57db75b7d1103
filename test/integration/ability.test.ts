import { jsonOf, pairedItemsOf, useSandbox } from './pagerduty';
import { LACKED_ABILITIES } from '../../dev/sandbox/rest-abilities';

const pagerDuty = useSandbox();

const abilities = () => pagerDuty.sandbox.store.abilities;

describe('Ability → Get Many', () => {
	it('returns one item per ability, cut to the Limit', async () => {
		const all = await pagerDuty.run({ resource: 'ability', operation: 'getAll', returnAll: true });
		expect(jsonOf(all)).toEqual(abilities().map((ability) => ({ ability })));
		const limited = await pagerDuty.run({ resource: 'ability', operation: 'getAll', limit: 2 });
		expect(jsonOf(limited)).toEqual(
			abilities()
				.slice(0, 2)
				.map((ability) => ({ ability })),
		);
		expect(pagerDuty.restRequests().map((request) => request.path)).toEqual([
			'/abilities',
			'/abilities',
		]);
	});
});

describe('Ability → Test', () => {
	it('answers available: true for 204 and available: false for 402, and errors for an unknown name', async () => {
		const result = await pagerDuty.run(
			{ resource: 'ability', operation: 'test', ability: '={{ $json.ability }}' },
			{
				items: [
					{ ability: 'teams' },
					{ ability: LACKED_ABILITIES[0] },
					{ ability: 'no_such_ability' },
					{ ability: '../users' },
				],
				continueOnFail: true,
			},
		);
		const output = jsonOf(result);
		expect(output.slice(0, 2)).toEqual([
			{ ability: 'teams', available: true },
			{ ability: LACKED_ABILITIES[0], available: false },
		]);
		expect(output.slice(2).map((item) => item.error)).toEqual([
			'PagerDuty 404: PagerDuty knows no ability named "no_such_ability"',
			'"Ability Name or ID" must be an ability name such as teams (lower-case letters, digits and _) [item 3]',
		]);
		expect(pairedItemsOf(result)).toEqual([0, 1, 2, 3]);
		expect(pagerDuty.restRequests().map((request) => [request.path, request.status])).toEqual([
			['/abilities/teams', 204],
			[`/abilities/${LACKED_ABILITIES[0]}`, 402],
			['/abilities/no_such_ability', 404],
		]);
	});

	it("offers the account's abilities in the dropdown", async () => {
		const options = await pagerDuty.loadOptions('getAbilities', {
			resource: 'ability',
			operation: 'test',
		});
		expect(options).toEqual(abilities().map((ability) => ({ name: ability, value: ability })));
	});
});
