// One simulator and one webhook receiver per test file, reset before every test.
import { ArgyleSimulator, WebhookReceiver, request, type ApiResponse, type ListPage, type SimulatorOptions } from '..';

export interface SimulatorFixture {
	readonly sim: ArgyleSimulator;
	readonly receiver: WebhookReceiver;
	/** An absolute URL on the simulator. */
	url(path: string): string;
	/** The simulator's own API key, for Basic auth. */
	auth(): [string, string];
	/** An authenticated API call. */
	api<T = unknown>(path: string, options?: { method?: string; body?: unknown }): Promise<ApiResponse<T>>;
	/** Every result of a list, following `next` until it is null; `pages`: how many pages that took. */
	all<T = Record<string, unknown>>(path: string): Promise<{ results: T[]; pages: number }>;
}

export function useSimulator(options: SimulatorOptions = {}): SimulatorFixture {
	let sim: ArgyleSimulator | undefined;
	let receiver: WebhookReceiver | undefined;
	beforeAll(async () => {
		sim = await ArgyleSimulator.start(options);
		receiver = await WebhookReceiver.start();
	});
	afterAll(async () => {
		await sim?.stop();
		await receiver?.stop();
	});
	beforeEach(() => {
		sim?.reset();
		if (receiver) {
			receiver.received.length = 0;
			receiver.respondWith(200);
		}
	});
	const fixture: SimulatorFixture = {
		get sim() {
			if (!sim) throw new Error('the simulator starts in beforeAll');
			return sim;
		},
		get receiver() {
			if (!receiver) throw new Error('the receiver starts in beforeAll');
			return receiver;
		},
		url: (path) => `${fixture.sim.baseUrl}${path}`,
		auth: () => [fixture.sim.apiKeyId, fixture.sim.apiKeySecret],
		api: (path, { method, body } = {}) => request(fixture.url(path), { method, body, auth: fixture.auth() }),
		all: async <T>(path: string) => {
			const results: T[] = [];
			let next: string | null = fixture.url(path);
			let pages = 0;
			while (next) {
				const page: ApiResponse<ListPage<T>> = await request<ListPage<T>>(next, { auth: fixture.auth() });
				if (page.status !== 200) throw new Error(`${next}: ${page.status} ${page.text}`);
				results.push(...page.json.results);
				next = page.json.next;
				pages += 1;
			}
			return { results, pages };
		},
	};
	return fixture;
}
