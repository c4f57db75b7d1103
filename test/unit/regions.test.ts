import { eventsBaseUrl, restBaseUrl } from '../../nodes/shared/regions';

describe('restBaseUrl', () => {
	it("maps regions to PagerDuty's REST hosts", () => {
		expect(restBaseUrl({ region: 'us' })).toBe('https://api.pagerduty.com');
		expect(restBaseUrl({})).toBe('https://api.pagerduty.com');
		expect(restBaseUrl({ region: 'eu' })).toBe('https://api.eu.pagerduty.com');
		expect(restBaseUrl({ region: 'custom', baseUrl: 'http://127.0.0.1:4010//' })).toBe(
			'http://127.0.0.1:4010',
		);
	});
});

describe('eventsBaseUrl', () => {
	it("maps regions to PagerDuty's Events hosts", () => {
		expect(eventsBaseUrl({ region: 'us' })).toBe('https://events.pagerduty.com');
		expect(eventsBaseUrl({ region: 'eu' })).toBe('https://events.eu.pagerduty.com');
		expect(eventsBaseUrl({ region: 'custom', baseUrl: 'http://127.0.0.1:4010/' })).toBe(
			'http://127.0.0.1:4010',
		);
	});
});
