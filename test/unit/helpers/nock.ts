/**
 * nock for one test file: no real network, and every mock a test set up must be used.
 * (test/unit/setup.ts removes nock's http patch after each file.)
 */
import nock from 'nock';

export function expectAllMocksUsed() {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
}

export function useNock() {
	beforeAll(() => {
		if (!nock.isActive()) nock.activate();
		nock.disableNetConnect();
	});
	afterEach(expectAllMocksUsed);
}
