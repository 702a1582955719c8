/** How numbers look in the printed report: '–' for what was not measured, markdown tables. */
export const fmt = {
	rps: (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(1)),
	ms: (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(1)),
	ratio: (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(2)),
	us: (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(1)),
	pct: (value: number | undefined, digits = 1) => (value === undefined || !Number.isFinite(value) ? '–' : `${(value * 100).toFixed(digits)}%`),
	kb: (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`,
};

export function table(header: string[], rows: string[][]): string {
	const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
	for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
	return lines.join('\n');
}
