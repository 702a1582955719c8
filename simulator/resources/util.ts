// Helpers the data generators share: randomness, decimal strings (Argyle sends amounts as strings),
// and Argyle's date formats.
import { randomInt } from 'node:crypto';

export const DAY_MS = 86_400_000;

export const pick = <T>(list: readonly T[]): T => list[randomInt(list.length)];

/** An integer in [min, max], both included. */
export const between = (min: number, max: number): number => min + randomInt(max - min + 1);

export const chance = (probability: number): boolean => randomInt(1_000_000) < probability * 1_000_000;

export const digits = (n: number): string => Array.from({ length: n }, () => String(randomInt(10))).join('');

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const alnum = (n: number): string => Array.from({ length: n }, () => ALNUM[randomInt(ALNUM.length)]).join('');

/** Integer cents as a dec2 string: 182919 → "1829.19", -232 → "-2.32". */
export function money(cents: number): string {
	const whole = Math.round(Math.abs(cents));
	return `${cents < 0 && whole > 0 ? '-' : ''}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}

/** A dec2 string back to integer cents. */
export const cents = (value: string): number => Math.round(Number(value) * 100);

/** A number with exactly `places` decimals ("dec4": "33.3321"). */
export const fixed = (value: number, places: number): string => value.toFixed(places);

/** Up to 4 decimals, at least one ("dec≤4": "7.2", "9.0"). */
export function upTo4(value: number): string {
	const text = String(Number(value.toFixed(4)));
	return text.includes('.') ? text : `${text}.0`;
}

/** `2025-06-18` */
export const dateOnly = (d: Date): string => d.toISOString().slice(0, 10);

/** `2025-06-18T00:00:00Z`: paystub dates and availability ranges. */
export const midnight = (d: Date): string => `${dateOnly(d)}T00:00:00Z`;

/** `2025-03-05T18:18:24Z`: gig and shift times. */
export const seconds = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** `2025-06-22T04:22:37.315Z`: created_at/updated_at of data objects. */
export const millis = (d: Date = new Date()): string => d.toISOString();

export const daysBefore = (d: Date, days: number): Date => new Date(d.getTime() - days * DAY_MS);

export const startOfDay = (d: Date): Date => new Date(`${dateOnly(d)}T00:00:00Z`);

/** Sums `value(row)` over `rows` (integer cents, so sums are exact). */
export const sum = <T>(rows: readonly T[], value: (row: T) => number): number => rows.reduce((total, row) => total + value(row), 0);
