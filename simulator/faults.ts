// Fault injection: matching calls get a chosen status/body/Retry-After and/or a delay.
import type { FaultSpec } from './types';

export const DEFAULT_FAULT_BODY = { detail: 'Simulated failure.' };

interface ActiveFault extends FaultSpec {
	remaining: number;
}

export interface FaultDescription {
	method: string | null;
	path: string | null;
	status: number | null;
	delayMs: number | null;
	retryAfterSeconds: number | null;
	remaining: number | 'Infinity';
}

export class FaultBook {
	private faults: ActiveFault[] = [];

	add(spec: FaultSpec): void {
		const times = spec.times ?? 1;
		if (!(times > 0)) throw new Error(`fault "times" must be > 0 (got ${String(spec.times)})`);
		if (spec.status === undefined && spec.delayMs === undefined) {
			throw new Error('a fault needs a status, a delayMs, or both');
		}
		this.faults.push({ ...spec, remaining: times });
	}

	clear(): void {
		this.faults = [];
	}

	/** Finds the first active fault for this call and consumes one use of it. */
	take(method: string, path: string, pathWithQuery: string): FaultSpec | undefined {
		const fault = this.faults.find((f) => f.remaining > 0 && matches(f, method, path, pathWithQuery));
		if (!fault) return undefined;
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
		return fault;
	}

	describe(): FaultDescription[] {
		return this.faults.map((f) => ({
			method: f.method ?? null,
			path: f.path === undefined ? null : String(f.path),
			status: f.status ?? null,
			delayMs: f.delayMs ?? null,
			retryAfterSeconds: f.retryAfterSeconds ?? null,
			remaining: f.remaining === Infinity ? 'Infinity' : f.remaining,
		}));
	}
}

function matches(f: FaultSpec, method: string, path: string, pathWithQuery: string): boolean {
	if (f.method && f.method.toUpperCase() !== method.toUpperCase()) return false;
	if (f.path === undefined) return true;
	if (f.path instanceof RegExp) {
		f.path.lastIndex = 0;
		if (f.path.test(path)) return true;
		f.path.lastIndex = 0;
		return f.path.test(pathWithQuery);
	}
	const target = f.path.includes('?') ? pathWithQuery : path;
	return target === f.path || target.startsWith(f.path);
}

/** Builds a FaultSpec from JSON (`POST /_sim/faults`): `pathPattern` is a RegExp source, `times` may be "Infinity". */
export function faultFromJson(raw: unknown): FaultSpec {
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('expected a JSON object');
	const o = raw as Record<string, unknown>;
	const spec: FaultSpec = {};
	if (typeof o.method === 'string') spec.method = o.method;
	if (typeof o.pathPattern === 'string') spec.path = new RegExp(o.pathPattern);
	else if (typeof o.path === 'string') spec.path = o.path;
	if (typeof o.status === 'number') spec.status = o.status;
	if ('body' in o) spec.body = o.body;
	if (typeof o.retryAfterSeconds === 'number') spec.retryAfterSeconds = o.retryAfterSeconds;
	if (typeof o.delayMs === 'number') spec.delayMs = o.delayMs;
	if (o.times === 'Infinity' || o.times === null) spec.times = Infinity;
	else if (typeof o.times === 'number') spec.times = o.times;
	return spec;
}
