import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { collectPages, imochaRequest, readEnvelope, type ImochaContext, type Page } from '../transport';

/**
 * Every Skills Intelligence (SI) path, paging style and response-shape assumption, in one place.
 * Only two SI pages could be read (README.md "Unverified"): a correction found against a live account is
 * a one-line change here, and the sandbox follows the same table (sandbox/routes/intelligence.ts).
 *
 * Evidence per line: documented = iMocha's page; third-party = public client code that calls the
 * live API (README.md "Unverified"); inferred = chosen as the REST form most consistent with the documented
 * siblings because iMocha's page was unavailable. Every line that is not "documented" is listed
 * in the README under "Unverified against live iMocha".
 */

/** How a list pages: the query names it takes (SI pages start at 1; clients cap the size at 100). */
export interface Paging {
	page: string;
	size: string;
}

/** Third-party (README.md "Unverified"): most SI lists take PascalCase names... */
export const PASCAL_PAGING: Paging = { page: 'PageNumber', size: 'PageSize' };
/** ...but the client sends lower-case names on /employees/skills-profile (README.md "Unverified"). */
export const CAMEL_PAGING: Paging = { page: 'pageNumber', size: 'pageSize' };
export const MAX_PAGE_SIZE = 100;

export interface Endpoint {
	method: IHttpRequestMethods;
	path: (id?: number) => string;
	paging?: Paging;
}

const fixed = (path: string) => () => path;

export const endpoints = {
	/** Third-party README.md "Unverified": the bulk skills-profile list; whether it is "List employees" is unknown. */
	employeeList: { method: 'GET', path: fixed('/employees/skills-profile'), paging: CAMEL_PAGING },
	/** Documented https://developer.imocha.io/get-employee-skills-by-employeeid-18892718e0. */
	employeeSkills: { method: 'GET', path: (id) => `/employees/${id}/skills-profile` },
	/** Documented https://developer.imocha.io/employee-enrollment-18892719e0. */
	employeeUpsert: { method: 'POST', path: fixed('/employees/upsert') },
	/** Inferred README.md "Unverified": PATCH is in the navigation; path beside the documented /employees/{id}/... */
	employeeStatus: { method: 'PATCH', path: (id) => `/employees/${id}/status` },
	/** Inferred README.md "Unverified": path inferred; paging as the third-party GET /certificates (PascalCase). */
	employeeCertificates: { method: 'GET', path: (id) => `/employees/${id}/certificates`, paging: PASCAL_PAGING },
	/** Inferred README.md "Unverified". */
	employeeAssessmentReport: { method: 'GET', path: (id) => `/employees/${id}/assessment-report` },
	/** Inferred README.md "Unverified": path inferred; paging as the other SI lists. */
	jobProfileList: { method: 'GET', path: fixed('/job-profiles'), paging: PASCAL_PAGING },
	/** Inferred README.md "Unverified". */
	jobProfile: { method: 'GET', path: (id) => `/job-profiles/${id}` },
	/**
	 * Inferred README.md "Unverified": a job code is created under the job profile it belongs to, so the profile is a
	 * path parameter (and a picker) rather than a guessed body field.
	 */
	jobCodeCreate: { method: 'POST', path: (id) => `/job-profiles/${id}/job-codes` },
	/** Third-party README.md "Unverified". */
	taxonomySkills: { method: 'GET', path: fixed('/taxonomy'), paging: PASCAL_PAGING },
	/** Inferred README.md "Unverified". */
	careerPath: { method: 'GET', path: (id) => `/employees/${id}/career-path` },
	/** Inferred README.md "Unverified": GET with no parameters. */
	validationWeightages: { method: 'GET', path: fixed('/account/multichannel-validation-weightages') },
} satisfies Record<string, Endpoint>;

/** Third-party README.md "Unverified": filters of the employee list. */
export const EMPLOYEE_LIST_FILTERS = { modifiedSince: 'SkillProfileModifiedSince', search: 'searchText' } as const;

/** Third-party README.md "Unverified" (seen on GET /certificates; assumed to apply to an employee's certificates). */
export const CERTIFICATE_FILTERS = { includeSkills: 'IncludeSkills', activeOnly: 'activeOnly' } as const;

/** Documented https://developer.imocha.io/employee-enrollment-18892719e0 names `status`; the values were cut off: Active / Inactive is inferred (as https://developer.imocha.io/active-inactive-user-18161035e0). */
export const EMPLOYEE_STATUSES = ['Active', 'Inactive'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

/** Inferred from the operation's name only (README.md "Unverified"): the body of Create JobCode is unknown. */
export const JOB_CODE_BODY_EXAMPLE = '{\n  "jobCode": ""\n}';

/**
 * Third-party README.md "Unverified": `items[]` with `hasNextPage` / `pageNumber` / `totalPages`. A bare array is
 * accepted too, as one last page, in case an inferred list turns out to be unpaged.
 */
export function readSiPage(body: unknown): Page<IDataObject> {
	if (Array.isArray(body)) return { items: body as IDataObject[], hasNext: false };
	return readEnvelope<IDataObject>((body ?? {}) as IDataObject, 'items');
}

/**
 * Third-party https://developer.imocha.io/get-employee-skills-by-employeeid-18892718e0, README.md "Unverified": a profile is `{ employeeId, externalEmployeeId, email, fullName,
 * skills[] }`. The single-employee answer is assumed to be the same object (the docs call its
 * content type text/plain); a bare skills array is wrapped so the output keeps one shape.
 */
export function readSkillsProfile(body: unknown, employeeId: number): IDataObject {
	if (Array.isArray(body)) return { employeeId, skills: body };
	return (body ?? {}) as IDataObject;
}

/** Inferred: job profiles are named like the SA records (`testName`, `businessUnitName`). */
export function jobProfileLabel(profile: IDataObject): string {
	return String(profile.jobProfileName ?? profile.name ?? profile.title ?? profile.jobProfileId);
}

interface Call {
	id?: number;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
}

/** One Skills Intelligence call: the SI host, the same API key. */
export function siRequest<T = IDataObject>(context: ImochaContext, endpoint: Endpoint, call: Call = {}): Promise<T> {
	return imochaRequest<T>(context, {
		api: 'intelligence',
		method: endpoint.method,
		path: endpoint.path(call.id),
		...(call.qs && Object.keys(call.qs).length ? { qs: call.qs } : {}),
		...(call.body ? { body: call.body } : {}),
		itemIndex: call.itemIndex,
	});
}

/** One page of an SI list, with the endpoint's own paging names. */
export async function siPage(
	context: ImochaContext,
	endpoint: Endpoint,
	page: { pageNumber: number; pageSize: number },
	call: Call = {},
) {
	const paging = endpoint.paging;
	const qs = paging ? { [paging.page]: page.pageNumber, [paging.size]: page.pageSize, ...call.qs } : call.qs;
	return readSiPage(await siRequest<unknown>(context, endpoint, { ...call, qs }));
}

/** Return All / Limit over an SI list, following its pages. */
export function siList(
	context: ImochaContext,
	endpoint: Endpoint,
	paging: { returnAll: boolean; limit: number },
	call: Call = {},
): Promise<IDataObject[]> {
	return collectPages((page) => siPage(context, endpoint, page, call), { ...paging, maxPageSize: MAX_PAGE_SIZE });
}
