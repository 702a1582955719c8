/**
 * `npm run schemas`: writes the n8n output schemas (nodes/*\/__schema__/) from the catalogue, and
 * removes schema files nothing generates any more. `-- --check` only reports stale files (exit 1).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { outputSchemaFiles } from './schema/outputSchemas';

const NODES = path.join(__dirname, '..', 'nodes');

function committedSchemaFiles(): string[] {
	return readdirSync(NODES, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.split(path.sep).includes('__schema__') && file.endsWith('.json'))
		.map((file) => file.split(path.sep).join('/'));
}

function main() {
	const check = process.argv.includes('--check');
	const wanted = Object.fromEntries(
		Object.entries(outputSchemaFiles()).map(([file, schema]) => [file, `${JSON.stringify(schema, null, '\t')}\n`]),
	);
	const stale = Object.keys(wanted).filter((file) => {
		const target = path.join(NODES, file);
		return !existsSync(target) || readFileSync(target, 'utf8') !== wanted[file];
	});
	const orphaned = committedSchemaFiles().filter((file) => !(file in wanted));
	if (check) {
		for (const file of [...stale, ...orphaned]) process.stdout.write(`stale: nodes/${file}\n`);
		process.exit(stale.length + orphaned.length ? 1 : 0);
	}
	for (const file of stale) {
		mkdirSync(path.dirname(path.join(NODES, file)), { recursive: true });
		writeFileSync(path.join(NODES, file), wanted[file]);
	}
	for (const file of orphaned) rmSync(path.join(NODES, file));
	process.stdout.write(`${Object.keys(wanted).length} schemas: ${stale.length} written, ${orphaned.length} removed\n`);
}

main();
