import { restBaseUrl } from '../../nodes/PagerDuty/transport/regions';

describe('restBaseUrl', () => {
	it('maps regions to PagerDuty\'s REST hosts', () => {
		expect(restBaseUrl({ region: 'us' })).toBe('https://api.pagerduty.com');
		expect(restBaseUrl({})).toBe('https://api.pagerduty.com');
		expect(restBaseUrl({ region: 'eu' })).toBe('https://api.eu.pagerduty.com');
		expect(restBaseUrl({ region: 'custom', baseUrl: 'http://127.0.0.1:4010//' })).toBe('http://127.0.0.1:4010');
	});
});
