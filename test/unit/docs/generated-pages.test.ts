/** The reference pages generated from the code are committed as generated (npm run docs). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { EVENTS } from '../../../nodes/shared/catalogue';
import { generatedPages } from '../../../scripts/docs/pages';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('generated docs pages', () => {
	it.each(Object.entries(generatedPages()))('%s is up to date (run npm run docs)', (file, text) => {
		expect(readFileSync(path.join(ROOT, file), 'utf8')).toBe(text);
	});

	it('the event page names every event, when it fires and how to fetch what it is about', () => {
		const page = generatedPages()['docs/trigger-events.md'];
		for (const entry of Object.values(EVENTS)) {
			expect(page).toContain(`| ${entry.displayName}`);
			expect(page).toContain(`\`${entry.name}\``);
		}
		expect(page.match(/^Fetch what an event is about: /gm)).toHaveLength(16);
	});
});
