// The test projects, each runnable alone (npx jest --selectProjects <name>):
//   unit       test/unit       fast, no network (nock), covers every branch of nodes/ and credentials/
//   simulator  simulator/test  the Argyle simulator's own tests (loopback only, seconds)
//   e2e        test/e2e        a real n8n 2.41.1 on Node 24 with our built package, against the simulator
//   e2e-n8n1   test/e2e        the same trigger, example-workflow, node, events and saved-workflow suites
//                              (the same files) on n8n 1.123.81 on Node 22, the newest 1.x
//   queue      test/queue      n8n in queue mode (main, 2 webhook processors, 2 workers, Redis, PostgreSQL)
//   reliability test/reliability hostile deliveries, 10,000-delivery load, lifecycle soak, secrets scan (real n8n)
//   browser    test/browser    the n8n editor in Debian's Chromium (playwright-core), the package installed from its tarball
// `npm test` runs lint, build, then all of them; `npm run test:unit` runs only the fast ones.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];

// The suites that run on n8n 1.x too (outbox-smoke is 2.x only: 1.x has no publication outbox).
const N8N1_SUITES = ['trigger', 'example-workflow', 'argyle-node', 'events', 'saved-workflow'];

module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
			setupFilesAfterEnv: ['<rootDir>/test/unit/setup.ts'],
		},
		{
			displayName: 'simulator',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/simulator/test/**/*.test.ts'],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
			// the n8n line (test/e2e/harness/install.ts N8N_LINES), read by globalSetup and setupFiles
			globals: { ARGYLE_E2E_N8N: '2.x' },
			globalSetup: '<rootDir>/test/e2e/harness/global-setup.ts',
			setupFiles: ['<rootDir>/test/e2e/harness/select-line.ts'],
			setupFilesAfterEnv: ['<rootDir>/test/e2e/harness/jest-timeout.ts'],
		},
		{
			displayName: 'e2e-n8n1',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: N8N1_SUITES.map((suite) => `<rootDir>/test/e2e/${suite}.e2e.test.ts`),
			globals: { ARGYLE_E2E_N8N: '1.x' },
			globalSetup: '<rootDir>/test/e2e/harness/global-setup-n8n1.ts',
			setupFiles: ['<rootDir>/test/e2e/harness/select-line.ts'],
			setupFilesAfterEnv: ['<rootDir>/test/e2e/harness/jest-timeout.ts'],
		},
		{
			displayName: 'queue',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/queue/**/*.queue.test.ts'],
			globals: { ARGYLE_E2E_N8N: '2.x' },
			globalSetup: '<rootDir>/test/queue/global-setup.ts',
			setupFiles: ['<rootDir>/test/e2e/harness/select-line.ts'],
			setupFilesAfterEnv: ['<rootDir>/test/e2e/harness/jest-timeout.ts'],
		},
		{
			// one file, phases in order, <= 20 min on 2 cores (npm run test:reliability)
			displayName: 'reliability',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/reliability/**/*.reliability.test.ts'],
			globals: { ARGYLE_E2E_N8N: '2.x' },
			globalSetup: '<rootDir>/test/e2e/harness/global-setup.ts',
			setupFiles: ['<rootDir>/test/e2e/harness/select-line.ts'],
			setupFilesAfterEnv: ['<rootDir>/test/e2e/harness/jest-timeout.ts'],
		},
		{
			// UI only, against the simulator; screenshots in artifacts/browser/ (npm run test:browser)
			displayName: 'browser',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/browser/**/*.browser.test.ts'],
			globals: { ARGYLE_E2E_N8N: '2.x' },
			globalSetup: '<rootDir>/test/browser/global-setup.ts',
			setupFiles: ['<rootDir>/test/e2e/harness/select-line.ts'],
			setupFilesAfterEnv: ['<rootDir>/test/e2e/harness/jest-timeout.ts'],
		},
	],
	reporters: ['default', '<rootDir>/test/summary-reporter.js'],
	collectCoverageFrom: ['nodes/**/*.ts', 'credentials/**/*.ts'],
	coverageThreshold: { global: { lines: 90 } },
};
