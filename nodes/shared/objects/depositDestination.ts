/** The v2 deposit destination: a bank account or card the pay goes to (`GET /v2/deposit-destinations/{id}`). */
import { anyObject, flag, id, nullable, object, oneOf, optional, text, timestamp } from '../fields';

export const DEPOSIT_DESTINATION = {
	id: id('The deposit destination'),
	account: id('The account it was retrieved through'),
	employer: text('Employer name'),
	destination_type: oneOf('ach_deposit_account (US bank), card, or acss_debit (Canadian bank)', [
		'ach_deposit_account',
		'card',
		'acss_debit',
	]),
	status: oneOf('active, inactive (for gig platforms: added but not the preferred payout), or pending', [
		'active',
		'inactive',
		'pending',
	]),
	allocation_type: nullable(oneOf('How the allocation is given', ['percent', 'amount'])),
	currency: nullable(text('Currency (ISO 4217)')),
	allocation_value: nullable(text('The percent or amount as a decimal string, or "remainder"')),
	method: text('e.g. Direct deposit or Instant payout'),
	ach_deposit_account: optional(
		nullable(
			object('The US bank account (when destination_type is ach_deposit_account)', {
				account_number: text('Account number (may be masked)'),
				bank_name: text('Bank name'),
				routing_number: text('Routing number'),
				account_type: text('e.g. checking or savings'),
			}),
		),
	),
	card: optional(
		nullable(
			object('The card (when destination_type is card)', {
				card_number: text('Card number (masked), e.g. ****5678'),
				card_name: text('Card name, e.g. Visa'),
				is_platform_card: flag("Whether it is the platform's own card"),
			}),
		),
	),
	acss_debit: optional(
		nullable(
			object('The Canadian bank account (when destination_type is acss_debit)', {
				account_number: text('Account number'),
				account_type: text('Account type'),
				institution_number: text('Institution number (3 digits)'),
				transit_number: text('Transit number (5 digits)'),
			}),
		),
	),
	created_at: timestamp('When Argyle first retrieved it'),
	updated_at: timestamp('When it last changed'),
	metadata: nullable(anyObject('Other information the platform gives')),
} as const;
