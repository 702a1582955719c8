/**
 * `npm run docs`: writes the reference pages generated from the code (docs/trigger-events.md from
 * the catalogue, docs/argyle-node.md from the Argyle node's resources). `-- --check` only reports a stale page (exit 1); a unit test does the same.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { generatedPages } from './docs/pages';

function main() {
	const check = process.argv.includes('--check');
	const stale = Object.entries(generatedPages()).filter(([file, text]) => {
		const target = path.join(__dirname, '..', file);
		return !existsSync(target) || readFileSync(target, 'utf8') !== text;
	});
	for (const [file, text] of stale) {
		if (check) process.stdout.write(`stale: ${file}\n`);
		else writeFileSync(path.join(__dirname, '..', file), text);
	}
	if (check) process.exit(stale.length ? 1 : 0);
	process.stdout.write(`${stale.length} page(s) written\n`);
}

main();
