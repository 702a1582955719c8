/** CPU time of a process and its descendants from /proc (Linux), in milliseconds. */
import * as fs from 'node:fs';
import * as os from 'node:os';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface ProcStat {
	pid: number;
	ppid: number;
	cpuMs: number;
}

function readStat(pid: number): ProcStat | undefined {
	try {
		const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// the command name is in parentheses and may contain spaces: split after the last ')'
		const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
		const ppid = Number(rest[1]);
		const utime = Number(rest[11]);
		const stime = Number(rest[12]);
		return { pid, ppid, cpuMs: ((utime + stime) * 1000) / TICKS_PER_SECOND };
	} catch {
		return undefined;
	}
}

/** CPU-ms used so far by `pid` and, separately, by all its live descendants. */
export function treeCpuMs(pid: number): { mainMs: number; childrenMs: number; totalMs: number } {
	const all: ProcStat[] = [];
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		const stat = readStat(Number(name));
		if (stat) all.push(stat);
	}
	const byParent = new Map<number, ProcStat[]>();
	for (const stat of all) {
		const list = byParent.get(stat.ppid) ?? [];
		list.push(stat);
		byParent.set(stat.ppid, list);
	}
	const main = all.find((stat) => stat.pid === pid);
	let childrenMs = 0;
	const queue = [...(byParent.get(pid) ?? [])];
	while (queue.length) {
		const next = queue.shift()!;
		childrenMs += next.cpuMs;
		queue.push(...(byParent.get(next.pid) ?? []));
	}
	const mainMs = main?.cpuMs ?? 0;
	return { mainMs, childrenMs, totalMs: mainMs + childrenMs };
}

/** Total CPU-ms of the whole machine (all cores, busy time only) so far, from /proc/stat. */
export function machineBusyMs(): number {
	const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
	const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
	return ((user + nice + system + irq + softirq + steal) * 1000) / TICKS_PER_SECOND;
}

/** Number of n8n main processes running on this machine (ours included), as `ps aux | grep -c "[n]8n/bin/n8n"`. */
export function runningN8nCount(): number {
	let count = 0;
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
			if (cmdline.includes('n8n/bin/n8n')) count++;
		} catch {
			// gone
		}
	}
	return count;
}

export function loadAverage(): string {
	return os.loadavg().map((value) => value.toFixed(2)).join(' ');
}
