import type { IDataObject } from 'n8n-workflow';

import { pick } from './output';

/** The skill fields that answer "how good is this person at what, and what is missing" (https://developer.imocha.io/get-employee-skills-by-employeeid-18892718e0). */
export function simplifySkill(entry: IDataObject): IDataObject {
	const skill = (entry.skill ?? {}) as IDataObject;
	const classification = (skill.skillClassification ?? {}) as IDataObject;
	return {
		skillId: skill.skillId,
		skillName: skill.skillName,
		classification: classification.classificationName,
		...pick(entry, [
			'weightedProficiencyScore',
			'skillRequiredProficiency',
			'skillGapInPercentage',
			'isJobProfileSkill',
			'experienceInMonths',
		]),
	};
}

/** An employee's profile with each skill reduced to its key scores. */
export function simplifyProfile(profile: IDataObject): IDataObject {
	const skills = Array.isArray(profile.skills) ? (profile.skills as IDataObject[]) : [];
	return {
		...pick(profile, ['employeeId', 'externalEmployeeId', 'email', 'fullName']),
		skills: skills.map(simplifySkill),
	};
}

const named = (value: unknown) => (value && typeof value === 'object' ? (value as IDataObject).name : undefined);

/** A taxonomy skill (README.md "Unverified") flattened to its names. */
export function simplifyTaxonomySkill(item: IDataObject): IDataObject {
	const skill = (item.skill ?? {}) as IDataObject;
	const classification = (item.skillClassification ?? {}) as IDataObject;
	return {
		taxonomySkillId: item.taxonomySkillId,
		name: item.displayName ?? skill.name,
		domain: named(item.domain),
		subdomain: named(item.subdomain),
		skillCluster: named(item.skillCluster),
		classification: classification.classificationName,
		isCritical: item.isCritical,
	};
}
