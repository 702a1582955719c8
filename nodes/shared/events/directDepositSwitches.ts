/** direct_deposit_switches.*: a deposit switch the user made in Link finished or failed. */
import { DEPOSIT_SWITCH_ERROR_CODES } from '../errorCodes';
import { flag, id, nullable, oneOf, optional, text } from '../fields';
import { ACCOUNT_OBJECT } from '../objects/account';
import { ACCOUNT_AND_USER, family } from './shape';

const RESOURCE = optional({ ...ACCOUNT_OBJECT, description: 'The full account object, when Include Resource is on' });

export const DIRECT_DEPOSIT_SWITCHES = family({
	label: 'Direct Deposit Switch',
	versions: ['v2'],
	events: {
		completed: {
			when: 'A deposit switch in Link finished and the payroll settings were updated (a bank and a card update send one each)',
			config: ['include_resource'],
			data: {
				...ACCOUNT_AND_USER,
				deposit_destination: nullable(id('The deposit destination it set; null when none matches exactly')),
				direct_deposit_changed: flag('Whether the pay allocation really changed'),
				type: text('What was switched, e.g. ach_deposit_account (bank) or card'),
				flow: text('What the user did, e.g. update, or a removal'),
				details: nullable(text('More about the outcome')),
				resource: RESOURCE,
			},
		},
		failed: {
			when: 'A deposit switch failed; Argyle sends Account: Updated as well',
			config: ['include_resource'],
			data: {
				...ACCOUNT_AND_USER,
				error_code: oneOf('The deposit switch error code', Object.keys(DEPOSIT_SWITCH_ERROR_CODES) as Array<keyof typeof DEPOSIT_SWITCH_ERROR_CODES>),
				error_message: text("Argyle's explanation of the error"),
				resource: RESOURCE,
			},
		},
	},
});
