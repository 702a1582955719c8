/**
 * Seeded randomness for the reliability suite. One seed drives every generated case and every soak
 * step, so a failing run is replayed with ARGYLE_RELIABILITY_SEED=<seed printed at the start>.
 */
import { randomInt } from 'node:crypto';

export const SEED_ENV = 'ARGYLE_RELIABILITY_SEED';

/** The seed from ARGYLE_RELIABILITY_SEED, or a fresh random one (printed by the suite). */
export function seedFromEnv(): number {
	const raw = process.env[SEED_ENV];
	if (raw !== undefined && raw.trim() !== '') {
		const value = Number(raw);
		if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
			throw new Error(`${SEED_ENV} must be an integer between 0 and 4294967295 (got ${raw})`);
		}
		return value;
	}
	return randomInt(0, 0x7fffffff);
}

/** mulberry32: small, fast, good enough for test-case generation. */
export class Rng {
	private state: number;

	constructor(readonly seed: number) {
		this.state = seed >>> 0;
	}

	/** A child generator with its own stream (so adding cases to one phase does not shift another). */
	fork(label: string): Rng {
		let hash = this.seed ^ 0x9e3779b9;
		for (const char of label) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
		return new Rng(hash >>> 0);
	}

	/** [0, 1) */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** integer in [min, max] */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.next() * items.length)];
	}

	/** Fisher-Yates, in place; returns the array. */
	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[items[i], items[j]] = [items[j], items[i]];
		}
		return items;
	}

	bytes(length: number): Buffer {
		const out = Buffer.alloc(length);
		for (let i = 0; i < length; i++) out[i] = Math.floor(this.next() * 256);
		return out;
	}

	hex(length: number): string {
		let out = '';
		while (out.length < length) out += Math.floor(this.next() * 16).toString(16);
		return out;
	}

	/** a version-4-shaped UUID from this stream */
	uuid(): string {
		const h = this.hex(32).split('');
		h[12] = '4';
		h[16] = '89ab'[Math.floor(this.next() * 4)];
		const s = h.join('');
		return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
	}

	/** a non-empty random subset, in the original order */
	subset<T>(items: readonly T[]): T[] {
		for (;;) {
			const chosen = items.filter(() => this.chance(0.5));
			if (chosen.length > 0) return chosen;
		}
	}
}
