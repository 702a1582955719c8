// nock patches Node's http globally, but jest gives every test file its own copy of nock:
// without this, one file's leftover interceptor (and its disableNetConnect) answers the next file's requests.
import nock from 'nock';

afterAll(() => {
	nock.cleanAll();
	nock.enableNetConnect();
	nock.restore();
});
