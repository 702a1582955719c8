/** The machine the bench runs on, and waiting for it to be free of other n8n runs. */
import { execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';

import { REPO_ROOT } from '../../test/e2e/harness/install';
import { log } from './log';
import { sleep } from './n8n-bench';
import { loadAverage, runningN8nCount } from './proc';

export interface MachineInfo {
	cpu: string;
	cores: number;
	ramGiB: number;
	os: string;
}

export function machineInfo(): MachineInfo {
	const cpuModel = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
	let distro = '';
	try {
		distro = /PRETTY_NAME="?([^"\n]*)/.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '';
	} catch {
		// not Linux-standard
	}
	return {
		cpu: cpuModel.trim(),
		cores: os.cpus().length,
		ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		os: `${distro} (kernel ${os.release()})`.trim(),
	};
}

export function gitCommit(): string {
	try {
		return execSync('git rev-parse --short HEAD', { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
	} catch {
		return 'unknown';
	}
}

export interface IdleWait {
	otherN8nAtStart: number;
	waitedS: number;
	/** other n8n processes were still running when the wait ran out */
	gaveUp: boolean;
}

/** Other engineers' n8n runs on this machine would skew every number: wait (bounded) until they are gone. */
export async function waitForIdle(minutes: number): Promise<IdleWait> {
	const started = Date.now();
	let others = runningN8nCount();
	const initial = others;
	if (minutes <= 0 || others === 0) return { otherN8nAtStart: initial, waitedS: 0, gaveUp: false };
	log(`${others} other n8n process(es) running (load ${loadAverage()}); waiting up to ${minutes} min for them to finish`);
	while (others > 0 && Date.now() - started < minutes * 60_000) {
		await sleep(30_000);
		others = runningN8nCount();
		log(`  ${others} other n8n process(es), load ${loadAverage()}`);
	}
	return { otherN8nAtStart: initial, waitedS: Math.round((Date.now() - started) / 1000), gaveUp: others > 0 };
}
