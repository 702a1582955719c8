// Unit tests never wait for real: `sleep` (the only way our nodes wait, e.g. for Retry-After) is a
// mock, cleared before each test, whose calls tests can assert.
import nock from 'nock';
import { sleep } from 'n8n-workflow';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

beforeEach(() => jest.mocked(sleep).mockClear());

// nock patches Node's http globally, but jest gives every test file its own copy of nock:
// without this, one file's leftover interceptor (and its disableNetConnect) answers the next file's requests.
afterAll(() => {
	nock.cleanAll();
	nock.enableNetConnect();
	nock.restore();
});
