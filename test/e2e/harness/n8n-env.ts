/**
 * The environment a harness n8n runs with: hermetic (loopback only, fresh user folder, no outbound
 * calls at boot), our package loaded as a community package, every execution saved.
 */
import * as path from 'node:path';

import type { N8nInstall } from './install';
import type { N8nCommand } from './n8n-types';

export interface N8nEnvSpec {
	install: N8nInstall;
	userFolder: string;
	baseUrl: string;
	port: number;
	brokerPort: number;
	command: N8nCommand;
	logLevel?: string;
	/** what the n8n line changes (n8n-line.ts); undefined removes a variable */
	lineEnv: Record<string, string | undefined>;
	/** the test's own additions (N8nOptions.env, restart overrides); undefined removes a variable */
	extraEnv: Record<string, string | undefined>;
}

/** Starts from a clean environment: nothing of the test process leaks into n8n. */
export function n8nEnvironment(spec: N8nEnvSpec): NodeJS.ProcessEnv {
const { install, userFolder, port, brokerPort } = spec;
const base = `${spec.baseUrl}/`;
	// Start from a clean environment: nothing of the test process (NODE_ENV=test from jest would
	// switch n8n into its own test mode, npm_* / N8N_* variables would leak settings).
	const env: NodeJS.ProcessEnv = {
		PATH: `${path.dirname(install.nodeBin)}${path.delimiter}${process.env.PATH ?? '/usr/bin:/bin'}`,
		HOME: userFolder,
		LANG: process.env.LANG ?? 'C.UTF-8',
		TZ: process.env.TZ ?? 'UTC',
		NODE_ENV: 'production',
		...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
		N8N_USER_FOLDER: userFolder,
		DB_TYPE: 'sqlite',
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: base,
		N8N_EDITOR_BASE_URL: base,
		N8N_SECURE_COOKIE: 'false',
		N8N_ENCRYPTION_KEY: 'argyle-e2e-encryption-key-0123456789',
		N8N_USER_MANAGEMENT_JWT_SECRET: 'argyle-e2e-jwt-secret-0123456789',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		// no outbound calls, no noise
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		// our package, loaded like an installed community package
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// task runner (Code node): n8n's default internal child process, broker on loopback and its own port
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		// keep every execution so the tests can read them back
		EXECUTIONS_MODE: 'regular',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		EXECUTIONS_DATA_SAVE_ON_PROGRESS: 'false',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		N8N_LOG_LEVEL: spec.logLevel ?? process.env.ARGYLE_E2E_N8N_LOG_LEVEL ?? 'info',
		N8N_LOG_OUTPUT: 'console',
	};
	if (spec.command === 'worker') {
		// the worker's only HTTP server: /healthz and /healthz/readiness, which start() polls
		env.QUEUE_HEALTH_CHECK_ACTIVE = 'true';
		env.QUEUE_HEALTH_CHECK_PORT = String(port);
		env.N8N_WORKER_SERVER_ADDRESS = '127.0.0.1';
	}
	for (const [key, value] of Object.entries({ ...spec.lineEnv, ...spec.extraEnv })) {
		if (value === undefined) delete env[key];
		else env[key] = value;
	}
	return env;
}
