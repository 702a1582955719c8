import {
	ACCOUNT_EVENTS,
	CONNECTION_ERROR_CODES,
	errorCodeDisplayName,
	eventsForVersion,
} from '../../../nodes/shared/catalogue';

describe('catalogue', () => {
	it('lists the 51 documented connection error codes, each with a meaning', () => {
		const codes = Object.keys(CONNECTION_ERROR_CODES);
		expect(codes).toHaveLength(51);
		expect(codes).toEqual([...codes].sort());
		for (const meaning of Object.values(CONNECTION_ERROR_CODES)) expect(meaning.length).toBeGreaterThan(10);
		expect(codes).toEqual(expect.arrayContaining(['invalid_mfa', 'auth_required', 'unsupported_auth_type']));
	});

	it('has the five v2 account events, and v1 adds the two pay distribution events', () => {
		expect(eventsForVersion('v2')).toEqual([
			'accounts.added',
			'accounts.updated',
			'accounts.connected',
			'accounts.failed',
			'accounts.removed',
		]);
		expect(eventsForVersion('v1')).toEqual([
			...eventsForVersion('v2'),
			'accounts.pay_distribution_updated',
			'accounts.pay_distribution_failed',
		]);
		expect(Object.keys(ACCOUNT_EVENTS)).toHaveLength(7);
	});

	it('names codes for people, keeping acronyms', () => {
		expect(errorCodeDisplayName('invalid_mfa')).toBe('Invalid MFA');
		expect(errorCodeDisplayName('invalid_login_url')).toBe('Invalid Login URL');
		expect(errorCodeDisplayName('tos_required')).toBe('TOS Required');
		expect(errorCodeDisplayName('login_gov_not_linked')).toBe('Login Gov Not Linked');
		expect(errorCodeDisplayName('account_disabled')).toBe('Account Disabled');
	});
});
