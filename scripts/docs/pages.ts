/** Every docs page generated from the code, by its path from the repository root. */
import { argyleNodePage } from './argyleNode';
import { triggerEventsPage } from './triggerEvents';

export function generatedPages(): Record<string, string> {
	return {
		'docs/trigger-events.md': `${triggerEventsPage()}\n`,
		'docs/argyle-node.md': `${argyleNodePage()}\n`,
	};
}
