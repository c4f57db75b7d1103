import { idFromUrl } from '../../nodes/shared/locators';

describe('idFromUrl', () => {
	it.each([
		['incident', 'https://acme.pagerduty.com/incidents/Q2T4ZLRMNV8ICM', 'Q2T4ZLRMNV8ICM'],
		[
			'incident',
			'https://acme.eu.pagerduty.com/incidents/Q2T4ZLRMNV8ICM?tab=timeline',
			'Q2T4ZLRMNV8ICM',
		],
		['service', 'https://acme.eu.pagerduty.com/service-directory/PWIXJZS', 'PWIXJZS'],
		['service', 'https://acme.pagerduty.com/services/PWIXJZS/integrations', 'PWIXJZS'],
		['escalationPolicy', 'https://acme.pagerduty.com/escalation_policies#PT20YPA', 'PT20YPA'],
		['schedule', 'https://my-org.pagerduty.com/schedules/PI7DH85', 'PI7DH85'],
		['user', 'https://acme.pagerduty.com/users/PXPGF42', 'PXPGF42'],
		['team', 'https://acme.eu.pagerduty.com/teams/PQ9K7I8', 'PQ9K7I8'],
	] as const)('reads the %s ID from %s', (kind, url, id) => {
		expect(idFromUrl(kind, url)).toBe(id);
	});

	it.each([
		['incident', 'https://acme.pagerduty.com.evil.example/incidents/Q1'],
		['incident', 'https://example.com/incidents/Q1'],
		['incident', 'http://acme.pagerduty.com/incidents/Q1'],
		['incident', 'https://acme.pagerduty.com/services/PWIXJZS'],
		['service', 'https://acme.pagerduty.com/incidents/Q2T4ZLRMNV8ICM'],
		['priority', 'https://acme.pagerduty.com/priorities/P1'],
	] as const)('refuses a %s URL that is not one: %s', (kind, url) => {
		expect(idFromUrl(kind, url)).toBeUndefined();
	});
});
