import { errorsBody, json, type Router } from '../router';
import type { SandboxState, User } from '../state';

const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;]+$/;

export const INVALID_EMAIL = 'Email address is in invalid format';
export const INVALID_UNIT = 'The provided BusinessUnitId is invalid or not associated with your account.';
export const INVALID_STATUS = "Status must be either 'Active' or 'Inactive'";
// Not documented (inferred): what iMocha answers for a duplicate or an unknown user.
export const DUPLICATE_USER = 'A user with this email address already exists';
export const UNKNOWN_USER = 'No user found for the given email address';

const isEmail = (value: unknown): value is string => typeof value === 'string' && EMAIL.test(value.trim());

/** https://developer.imocha.io/create-new-user-18160861e0, https://developer.imocha.io/active-inactive-user-18161035e0. Field casing differs per endpoint and is taken as documented. */
export function registerUserRoutes(router: Router, state: SandboxState): void {
	const unitExists = (id: unknown) => state.businessUnits.some((unit) => unit.businessUnitId === id);
	const findUser = (email: string) => state.users.find((user) => user.email.toLowerCase() === email.trim().toLowerCase());

	router.on('POST', '/v3/accounts/user/create', ({ body }) => {
		if (!isEmail(body?.email)) return errorsBody(400, INVALID_EMAIL);
		if (typeof body.fullName !== 'string' || !body.fullName.trim()) return errorsBody(400, "'Full Name' must not be empty.");
		if (body.businessunitId !== undefined && !unitExists(body.businessunitId)) return errorsBody(400, INVALID_UNIT);
		if (findUser(body.email)) return errorsBody(400, DUPLICATE_USER);
		const user: User = {
			email: body.email.trim(),
			fullName: body.fullName,
			businessunitId: body.businessunitId ?? state.businessUnits[0].businessUnitId,
			status: 'Active',
		};
		state.users.push(user);
		return json(200, { email: user.email, fullName: user.fullName, businessunitId: user.businessunitId });
	});

	router.on('POST', '/v3/accounts/user/update', ({ body }) => {
		if (!isEmail(body?.Email)) return errorsBody(400, 'A Valid Email address is required');
		if (!Number.isInteger(body.BusinessunitId) || !unitExists(body.BusinessunitId)) return errorsBody(400, INVALID_UNIT);
		const user = findUser(body.Email);
		if (!user) return errorsBody(400, UNKNOWN_USER);
		user.businessunitId = body.BusinessunitId;
		return json(200, { email: user.email, businessunitId: user.businessunitId });
	});

	router.on('POST', '/v3/accounts/user/status', ({ body }) => {
		if (!isEmail(body?.email)) return errorsBody(400, INVALID_EMAIL);
		if (body.status !== 'Active' && body.status !== 'Inactive') return errorsBody(400, INVALID_STATUS);
		const user = findUser(body.email);
		if (!user) return errorsBody(400, UNKNOWN_USER);
		user.status = body.status;
		return json(200, { email: user.email, fullName: user.fullName, businessunitId: user.businessunitId, status: user.status });
	});
}
