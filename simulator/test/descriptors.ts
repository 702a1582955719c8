// The product's object descriptors (nodes/shared/objects) by the API path that answers such objects.
// conformance.test.ts checks every object the simulator answers on a path listed here; a path
// without a descriptor stays in AWAITING until one is added.
import type { Fields } from '../../nodes/shared/fields';
import { ACCOUNT } from '../../nodes/shared/objects/account';
import { DEPOSIT_DESTINATION } from '../../nodes/shared/objects/depositDestination';
import { EMPLOYMENT } from '../../nodes/shared/objects/employment';
import { GIG } from '../../nodes/shared/objects/gig';
import { IDENTITY } from '../../nodes/shared/objects/identity';
import { ITEM_DETAILS, ITEM_LISTED } from '../../nodes/shared/objects/item';
import { PAYROLL_DOCUMENT } from '../../nodes/shared/objects/payrollDocument';
import { PAYSTUB } from '../../nodes/shared/objects/paystub';
import { RATING } from '../../nodes/shared/objects/rating';
import { REPORT } from '../../nodes/shared/objects/report';
import { SHIFT } from '../../nodes/shared/objects/shift';
import { USER } from '../../nodes/shared/objects/user';
import { USER_FORM } from '../../nodes/shared/objects/userForm';
import { USER_UPLOAD } from '../../nodes/shared/objects/userUpload';
import { VEHICLE } from '../../nodes/shared/objects/vehicle';
import { VERIFICATION } from '../../nodes/shared/objects/verification';
import { schemaViolations } from '../../scripts/schema/conformance';
import { objectSchema } from '../../scripts/schema/jsonSchema';

/** What a path's list answers, and its retrieve (null: the path has no retrieve). */
export interface PathDescriptors {
	list: Fields;
	retrieve: Fields | null;
}

const same = (fields: Fields): PathDescriptors => ({ list: fields, retrieve: fields });

/** Path after /v2/ → the descriptors of the objects its list and retrieve answer. */
export const DESCRIPTORS: Readonly<Record<string, PathDescriptors>> = {
	accounts: same(ACCOUNT),
	users: same(USER),
	items: { list: ITEM_LISTED, retrieve: ITEM_DETAILS },
	identities: same(IDENTITY),
	paystubs: same(PAYSTUB),
	'payroll-documents': same(PAYROLL_DOCUMENT),
	'deposit-destinations': same(DEPOSIT_DESTINATION),
	shifts: same(SHIFT),
	gigs: same(GIG),
	vehicles: same(VEHICLE),
	ratings: same(RATING),
	employments: { list: EMPLOYMENT, retrieve: null },
	'user-forms': same(USER_FORM),
	'user-uploads': same(USER_UPLOAD),
	reports: same(REPORT),
	verifications: same(VERIFICATION),
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
export function descriptorViolations(path: string, object: unknown, answer: 'list' | 'retrieve' = 'list'): string[] {
	const fields = DESCRIPTORS[path]?.[answer];
	if (!fields) throw new Error(`no ${answer} descriptor for /v2/${path}; add it to DESCRIPTORS in simulator/test/descriptors.ts`);
	return schemaViolations(object, objectSchema(fields));
}
