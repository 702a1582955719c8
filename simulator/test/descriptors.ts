// The product's object descriptors (nodes/shared/objects) by the API path that answers such objects.
// conformance.test.ts checks every object the simulator answers on a path listed here. When a
// descriptor for another object lands (identity, paystub, …), add it to DESCRIPTORS: its path then
// leaves AWAITING and its objects are checked too.
import type { Fields } from '../../nodes/shared/fields';
import { ACCOUNT } from '../../nodes/shared/objects/account';
import { USER } from '../../nodes/shared/objects/user';
import { VERIFICATION } from '../../nodes/shared/objects/verification';
import { schemaViolations } from '../../scripts/schema/conformance';
import { objectSchema } from '../../scripts/schema/jsonSchema';

/** Path after /v2/ → the descriptor of the objects its list and retrieve answer. */
export const DESCRIPTORS: Readonly<Record<string, Fields>> = {
	accounts: ACCOUNT,
	users: USER,
	verifications: VERIFICATION,
};

/** Every path the simulator answers objects on (lists and retrieves). */
export const ANSWERED_PATHS = [
	'accounts',
	'users',
	'items',
	'identities',
	'paystubs',
	'payroll-documents',
	'deposit-destinations',
	'shifts',
	'gigs',
	'vehicles',
	'ratings',
	'employments',
	'user-forms',
	'user-uploads',
	'reports',
	'verifications',
] as const;

/** Paths whose objects have no product descriptor yet. */
export const AWAITING = ANSWERED_PATHS.filter((path) => !(path in DESCRIPTORS));

/** What in `object` the descriptor of `path` does not describe ([] when it conforms). */
export function descriptorViolations(path: string, object: unknown): string[] {
	const fields = DESCRIPTORS[path];
	if (!fields) throw new Error(`no descriptor for /v2/${path}; add it to DESCRIPTORS in simulator/test/descriptors.ts`);
	return schemaViolations(object, objectSchema(fields));
}
