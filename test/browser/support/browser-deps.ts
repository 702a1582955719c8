/**
 * The Debian packages the browser suite needs (see scripts/install-browser-deps.sh): installed here
 * when the suite runs as root and one is missing (a developer's fresh machine runs `npm test` as root
 * too), otherwise a failure that says which command installs them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../../e2e/harness/install';
import { CHROMIUM } from './browser';

export const BROWSER_PACKAGES = ['chromium', 'fonts-liberation', 'fonts-dejavu-core'] as const;
const SCRIPT = path.join(REPO_ROOT, 'scripts', 'install-browser-deps.sh');

function isInstalled(pkg: string): boolean {
	const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
	return result.status === 0 && result.stdout.trim() === 'install ok installed';
}

export function missingBrowserPackages(): string[] {
	const missing: string[] = BROWSER_PACKAGES.filter((pkg) => !isInstalled(pkg));
	if (!fs.existsSync(CHROMIUM) && !missing.includes('chromium')) missing.push('chromium');
	return missing;
}

export function ensureBrowserDeps(): void {
	const missing = missingBrowserPackages();
	if (missing.length === 0) return;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot) {
		throw new Error(
			`The browser suite needs the Debian packages ${missing.join(', ')} (${CHROMIUM} for playwright-core). ` +
				`Install them as root: sudo bash scripts/install-browser-deps.sh`,
		);
	}
	process.stderr.write(`[browser] installing ${missing.join(', ')} with ${SCRIPT}\n`);
	execFileSync('bash', [SCRIPT], { stdio: ['ignore', 'inherit', 'inherit'] });
	const still = missingBrowserPackages();
	if (still.length > 0) throw new Error(`${SCRIPT} ran, but ${still.join(', ')} are still missing`);
}
