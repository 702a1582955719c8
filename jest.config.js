// Three groups of tests, each runnable alone:
//   unit       test/unit       fast, no network (nock), covers every branch of nodes/ and credentials/
//   simulator  simulator/test  the Argyle simulator's own tests (loopback only, seconds)
//   e2e        test/e2e        a real n8n 2.41.1 on Node 24 with our built package, against the simulator
//   queue      test/queue      n8n in queue mode (main, 2 webhook processors, 2 workers, Redis, PostgreSQL)
//   reliability test/reliability hostile deliveries, 10,000-delivery load, lifecycle soak, secrets scan (real n8n)
//   browser    test/browser    the n8n editor in Debian's Chromium (playwright-core), the package installed from its tarball
// `npm test` runs lint, build, then all of them; `npm run test:unit` runs only the fast ones.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];

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
			globalSetup: '<rootDir>/test/e2e/harness/global-setup.ts',
			setupFilesAfterEnv: ['<rootDir>/test/e2e/harness/jest-timeout.ts'],
		},
		{
			displayName: 'queue',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/queue/**/*.queue.test.ts'],
			globalSetup: '<rootDir>/test/queue/global-setup.ts',
			setupFilesAfterEnv: ['<rootDir>/test/e2e/harness/jest-timeout.ts'],
		},
		{
			// one file, phases in order, <= 20 min on 2 cores (npm run test:reliability)
			displayName: 'reliability',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/reliability/**/*.reliability.test.ts'],
			globalSetup: '<rootDir>/test/e2e/harness/global-setup.ts',
			setupFilesAfterEnv: ['<rootDir>/test/e2e/harness/jest-timeout.ts'],
		},
		{
			// UI only, against the simulator; screenshots in artifacts/browser/ (npm run test:browser)
			displayName: 'browser',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/browser/**/*.browser.test.ts'],
			globalSetup: '<rootDir>/test/browser/global-setup.ts',
			setupFilesAfterEnv: ['<rootDir>/test/e2e/harness/jest-timeout.ts'],
		},
	],
	reporters: ['default', '<rootDir>/test/summary-reporter.js'],
	collectCoverageFrom: ['nodes/**/*.ts', 'credentials/**/*.ts'],
	coverageThreshold: { global: { lines: 90 } },
};
