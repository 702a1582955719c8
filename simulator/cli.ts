// Standalone simulator for humans and `npm run dev`:
//   npm run simulator -- --port 5699 --key-id KEY --key-secret SECRET
// Options: --port N (default 0 = random), --key-id, --key-secret, --page-size N, --delivery-timeout-ms N,
//          --report-delay-ms N, --file-redirect storage|same-origin|loop, --quiet
// Env fallbacks: ARGYLE_SIM_PORT, ARGYLE_SIM_KEY_ID, ARGYLE_SIM_KEY_SECRET.
import { ArgyleSimulator } from './simulator';
import type { SimulatorOptions } from './types';

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = {}): SimulatorOptions & { quiet: boolean } {
	const out: SimulatorOptions & { quiet: boolean } = { quiet: false };
	const num = (flag: string, v: string | undefined): number => {
		const n = Number(v);
		if (v === undefined || !Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a non-negative integer`);
		return n;
	};
	if (env.ARGYLE_SIM_PORT) out.port = num('ARGYLE_SIM_PORT', env.ARGYLE_SIM_PORT);
	if (env.ARGYLE_SIM_KEY_ID) out.apiKeyId = env.ARGYLE_SIM_KEY_ID;
	if (env.ARGYLE_SIM_KEY_SECRET) out.apiKeySecret = env.ARGYLE_SIM_KEY_SECRET;
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
		switch (flag) {
			case '--port':
				out.port = num(flag, value());
				break;
			case '--key-id':
				out.apiKeyId = value();
				break;
			case '--key-secret':
				out.apiKeySecret = value();
				break;
			case '--page-size':
				out.defaultPageSize = num(flag, value());
				break;
			case '--delivery-timeout-ms':
				out.deliveryTimeoutMs = num(flag, value());
				break;
			case '--report-delay-ms':
				out.reportDelayMs = num(flag, value());
				break;
			case '--file-redirect': {
				const mode = value();
				if (mode !== 'storage' && mode !== 'same-origin' && mode !== 'loop') throw new Error(`${flag} needs storage, same-origin or loop`);
				out.fileRedirect = mode;
				break;
			}
			case '--quiet':
				out.quiet = true;
				break;
			case '--help':
			case '-h':
				throw new Error('help');
			default:
				throw new Error(`unknown option ${flag}`);
		}
	}
	return out;
}

export function banner(sim: ArgyleSimulator): string {
	const b = sim.baseUrl;
	const auth = `-u '${sim.apiKeyId}:${sim.apiKeySecret}'`;
	return [
		`Argyle simulator listening on ${b}`,
		`  API base (v2):  ${b}/v2      (v1 webhooks: ${b}/v1)`,
		`  File storage:   ${sim.storageOrigin}  (file_url downloads redirect there)`,
		`  API key id:     ${sim.apiKeyId}`,
		`  API key secret: ${sim.apiKeySecret}`,
		'',
		'Examples:',
		`  curl -s ${auth} ${b}/v2/webhooks`,
		`  curl -s -X POST ${b}/_sim/accounts -H 'Content-Type: application/json' -d '{}'`,
		`  curl -s -X POST ${b}/_sim/accounts -H 'Content-Type: application/json' -d '{"kind":"gig"}'`,
		`  curl -s ${auth} '${b}/v2/paystubs?account=<account id>&limit=5'`,
		`  curl -s -L ${auth} -o paystub.pdf '${b}/v2/payroll-documents/<document id>/file'`,
		`  curl -s -X POST ${auth} ${b}/v2/accounts/<account id>/periodic-scan`,
		`  curl -s -X POST ${b}/_sim/events -H 'Content-Type: application/json' -d '{"event":"accounts.connected"}'`,
		`  curl -s -X POST ${b}/_sim/events -H 'Content-Type: application/json' -d '{"event":"accounts.failed","account":"<account id>","error_code":"invalid_mfa"}'`,
		`  curl -s -X POST ${b}/_sim/events -H 'Content-Type: application/json' -d '{"event":"accounts.updated","account":"<account id>","error_code":"auth_required"}'`,
		`  curl -s -X POST ${b}/_sim/faults -H 'Content-Type: application/json' -d '{"method":"POST","path":"/v2/webhooks","status":500,"times":2}'`,
		`  curl -s -X DELETE ${b}/_sim/faults`,
		`  curl -s ${b}/_sim/state`,
		`  curl -s -X POST ${b}/_sim/reset`,
		'',
		'Stop with Ctrl+C.',
	].join('\n');
}

async function main(): Promise<void> {
	let opts: ReturnType<typeof parseArgs>;
	try {
		opts = parseArgs(process.argv.slice(2), process.env);
	} catch (e) {
		const msg = (e as Error).message;
		if (msg !== 'help') console.error(msg);
		console.error(
			'usage: cli.ts [--port N] [--key-id ID] [--key-secret SECRET] [--page-size N] [--delivery-timeout-ms N] [--report-delay-ms N] [--file-redirect storage|same-origin|loop] [--quiet]',
		);
		process.exit(msg === 'help' ? 0 : 2);
	}
	const { quiet, ...simOpts } = opts;
	const sim = await ArgyleSimulator.start({
		...simOpts,
		log: quiet ? undefined : (line) => console.log(`[${new Date().toISOString()}] ${line}`),
	});
	console.log(banner(sim));
	let stopping = false;
	const shutdown = (signal: string): void => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping the simulator`);
		sim.stop().then(
			() => process.exit(0),
			(e: unknown) => {
				console.error(e);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) {
	main().catch((e: unknown) => {
		console.error(e);
		process.exit(1);
	});
}
