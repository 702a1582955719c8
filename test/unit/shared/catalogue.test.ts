import {
	ALL_EVENTS,
	EVENTS,
	eventDisplayName,
	eventsAccepting,
	eventsForVersion,
	FAMILIES,
	isKnownEvent,
} from '../../../nodes/shared/catalogue';
import {
	CONNECTION_ERROR_CODES,
	DEPOSIT_SWITCH_ERROR_CODES,
	errorCodeDisplayName,
} from '../../../nodes/shared/errorCodes';

describe('catalogue', () => {
	it('has every v2 family of the research file, 51 v2 events in all', () => {
		expect(Object.keys(FAMILIES)).toEqual([
			'users',
			'accounts',
			'items',
			'identities',
			'paystubs',
			'payroll_documents',
			'deposit_destinations',
			'direct_deposit_switches',
			'shifts',
			'gigs',
			'vehicles',
			'ratings',
			'reports',
			'user_uploads',
			'user_forms',
			'verifications',
		]);
		expect(eventsForVersion('v2')).toHaveLength(51);
		const perFamily = Object.fromEntries(
			Object.entries(FAMILIES).map(([name, family]) => [name, Object.keys(family.events).length]),
		);
		expect(perFamily).toEqual({
			users: 1,
			accounts: 7,
			items: 2,
			identities: 2,
			paystubs: 4,
			payroll_documents: 5,
			deposit_destinations: 3,
			direct_deposit_switches: 2,
			shifts: 5,
			gigs: 5,
			vehicles: 3,
			ratings: 2,
			reports: 2,
			user_uploads: 5,
			user_forms: 2,
			verifications: 3,
		});
	});

	it('keeps the legacy V1 API to the account events and the pay distribution events', () => {
		expect(eventsForVersion('v1')).toEqual([
			'accounts.added',
			'accounts.updated',
			'accounts.connected',
			'accounts.failed',
			'accounts.removed',
			'accounts.pay_distribution_updated',
			'accounts.pay_distribution_failed',
		]);
		expect(eventsForVersion('v2')).not.toContain('accounts.pay_distribution_updated');
	});

	it('names every event "Family: Event", uniquely, with a one-line "when it fires"', () => {
		expect(EVENTS['paystubs.fully_synced'].displayName).toBe('Paystubs: Fully Synced');
		expect(EVENTS['direct_deposit_switches.failed'].displayName).toBe('Direct Deposit Switch: Failed');
		expect(EVENTS['user_uploads.ocr_completed'].displayName).toBe('User Upload: OCR Completed');
		expect(EVENTS['accounts.pay_distribution_failed'].displayName).toBe('Account: Pay Distribution Failed (Legacy V1)');
		const names = ALL_EVENTS.map((event) => EVENTS[event].displayName);
		expect(new Set(names).size).toBe(names.length);
		for (const event of ALL_EVENTS) {
			const entry = EVENTS[event];
			expect(entry.name).toBe(event);
			expect(event.startsWith(`${entry.family}.`)).toBe(true);
			expect(entry.when.length).toBeGreaterThan(20);
			expect(entry.when).not.toMatch(/\n/);
			expect(Object.keys(entry.data).length).toBeGreaterThan(0);
			for (const field of Object.values(entry.data)) expect(field.description.length).toBeGreaterThan(3);
		}
	});

	it('knows which events take which subscription config', () => {
		expect(eventsAccepting('days_synced')).toEqual([
			'paystubs.partially_synced',
			'shifts.partially_synced',
			'gigs.partially_synced',
		]);
		expect(eventsAccepting('items')).toEqual(['items.updated', 'items.removed']);
		expect(eventsAccepting('include_resource')).toEqual([
			'accounts.added',
			'accounts.updated',
			'accounts.connected',
			'accounts.failed',
			'accounts.pay_distribution_updated',
			'accounts.pay_distribution_failed',
			'direct_deposit_switches.completed',
			'direct_deposit_switches.failed',
			'verifications.updated',
		]);
	});

	it('marks the events known only from third-party specs as derived, and offers them too', () => {
		const derived = ALL_EVENTS.filter((event) => EVENTS[event].derived);
		expect(derived).toEqual(
			expect.arrayContaining(['payroll_documents.ocr_failed', 'deposit_destinations.removed', 'verifications.connection_added']),
		);
		expect(EVENTS['paystubs.fully_synced'].derived).toBe(false);
	});

	it('passes unknown events through by their raw name', () => {
		expect(isKnownEvent('accounts.failed')).toBe(true);
		expect(isKnownEvent('payouts.added')).toBe(false);
		expect(isKnownEvent('constructor')).toBe(false);
		expect(eventDisplayName('payouts.added')).toBe('payouts.added');
		expect(eventDisplayName('gigs.added')).toBe('Gigs: Added');
	});
});

describe('error codes', () => {
	it('lists the 51 documented connection error codes, each with a meaning', () => {
		const codes = Object.keys(CONNECTION_ERROR_CODES);
		expect(codes).toHaveLength(51);
		expect(codes).toEqual([...codes].sort());
		for (const meaning of Object.values(CONNECTION_ERROR_CODES)) expect(meaning.length).toBeGreaterThan(10);
		expect(codes).toEqual(expect.arrayContaining(['invalid_mfa', 'auth_required', 'unsupported_auth_type']));
	});

	it('lists the deposit switch error codes, each with a meaning', () => {
		const codes = Object.keys(DEPOSIT_SWITCH_ERROR_CODES);
		expect(codes).toEqual([...codes].sort());
		expect(codes).toEqual(expect.arrayContaining(['confirmation_timeout', 'incompatible_auth', 'account_disconnected']));
		for (const meaning of Object.values(DEPOSIT_SWITCH_ERROR_CODES)) expect(meaning.length).toBeGreaterThan(10);
	});

	it('names codes for people, keeping acronyms', () => {
		expect(errorCodeDisplayName('invalid_mfa')).toBe('Invalid MFA');
		expect(errorCodeDisplayName('invalid_login_url')).toBe('Invalid Login URL');
		expect(errorCodeDisplayName('tos_required')).toBe('TOS Required');
		expect(errorCodeDisplayName('login_gov_not_linked')).toBe('Login Gov Not Linked');
		expect(errorCodeDisplayName('account_disabled')).toBe('Account Disabled');
	});
});
