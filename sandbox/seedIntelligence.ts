/**
 * Skills Intelligence data for the sandbox, shaped as the reference's third-party evidence shows
 * it (https://developer.imocha.io/get-employee-skills-by-employeeid-18892718e0, README.md "Unverified"). Job profiles, career paths, assessment reports and weightages
 * have no known shape: the records here are the sandbox's own (inferred) and the node passes them
 * through untouched.
 */

export interface TaxonomySkill {
	taxonomySkillId: number;
	externalId: string | null;
	domain: { id: number; name: string };
	subdomain: { id: number; name: string };
	skillCluster: { id: number; name: string };
	skillClassification: { classificationId: number; classificationName: string };
	skill: { id: number; name: string; description: string };
	displayName: string;
	description: string;
	isCritical: boolean;
	taxonomySkillTags: string[];
	skillRubrics: null;
}

export interface EmployeeSkill {
	skill: {
		skillId: number;
		skillName: string;
		taxonomySkillExternalId: string | null;
		modifiedOn: string;
		skillClassification: { classificationId: number; classificationName: string };
	};
	selfValidationScore: number;
	iMochaValidationScore: number | null;
	managerValidationScore: number | null;
	weightedProficiencyScore: number;
	multiRaterValidationScore: number | null;
	weightedAIInferenceScore: number | null;
	experienceInMonths: number | null;
	aiInferredRatings: unknown[];
	isJobProfileSkill: boolean;
	skillPriorirty: null;
	skillRequiredProficiency: number;
	skillGapInPercentage: number;
}

export interface SiEmployee {
	employeeId: number;
	externalEmployeeId: string;
	email: string;
	fullName: string;
	status: 'Active' | 'Inactive';
	jobProfileId: number;
	skills: EmployeeSkill[];
}

export interface JobProfile {
	jobProfileId: number;
	jobProfileName: string;
	description: string;
	skills: Array<{ skillId: number; skillName: string; skillRequiredProficiency: number }>;
}

export interface Certificate {
	certificateId: number;
	title: string;
	issuer: string;
	certificateStatus: number;
	skills: Array<{ taxonomySkillId: number; skillName: string; description: string; explanation: string; proficiency: number }>;
}

export interface JobCode {
	jobCodeId: number;
	jobProfileId: number;
	[field: string]: unknown;
}

export interface IntelligenceState {
	employees: SiEmployee[];
	taxonomy: TaxonomySkill[];
	jobProfiles: JobProfile[];
	jobCodes: JobCode[];
	certificates: Record<number, Certificate[]>;
	weightages: Record<string, number>;
	nextId: () => number;
}

export const SEEDED_EMPLOYEES = 130;
export const SEEDED_TAXONOMY_SKILLS = 250;
export const FIRST_EMPLOYEE_ID = 10001;

const DOMAINS = ['Software Engineering', 'Data & Analytics', 'Cloud & Infrastructure', 'Business', 'Design'];
const NAMED_SKILLS = [
	'Java', 'Python', 'SQL', 'JavaScript', 'TypeScript', 'React', 'Kubernetes', 'AWS', 'Azure', 'Docker',
	'Machine Learning', 'Power BI', 'Spark', 'Figma', 'Negotiation', 'Stakeholder Management', 'Go', 'C#',
	'Terraform', 'Data Modelling',
];
const CLASSIFICATIONS = [
	{ classificationId: 1, classificationName: 'Technical' },
	{ classificationId: 2, classificationName: 'Functional' },
	{ classificationId: 3, classificationName: 'Behavioral' },
];
const FIRST_NAMES = ['Jane', 'Arjun', 'Mei', 'Carlos', 'Fatima', 'Oliver', 'Priya', 'Lukas', 'Amara', 'Kenji', 'Sofia', 'Noah', 'Leila'];
const LAST_NAMES = ['Doe', 'Sharma', 'Chen', 'Garcia', 'Khan', 'Smith', 'Iyer', 'Weber', 'Okafor', 'Tanaka'];

function taxonomySkill(index: number): TaxonomySkill {
	const id = 9001 + index;
	const name = index < NAMED_SKILLS.length ? NAMED_SKILLS[index] : `Skill ${String(index + 1).padStart(3, '0')}`;
	const domain = index % DOMAINS.length;
	return {
		taxonomySkillId: id,
		externalId: index % 3 === 0 ? `TX-${id}` : null,
		domain: { id: 100 + domain, name: DOMAINS[domain] },
		subdomain: { id: 200 + (index % 12), name: `${DOMAINS[domain]} / Area ${(index % 12) + 1}` },
		skillCluster: { id: 300 + (index % 25), name: `Cluster ${(index % 25) + 1}` },
		skillClassification: CLASSIFICATIONS[index % CLASSIFICATIONS.length],
		skill: { id: 5000 + index, name, description: `${name}: knowledge and practical use` },
		displayName: name,
		description: `${name} as used at work`,
		isCritical: index % 7 === 0,
		taxonomySkillTags: [],
		skillRubrics: null,
	};
}

function employeeSkill(skill: TaxonomySkill, seed: number, modifiedOn: string, required: number): EmployeeSkill {
	const self = 40 + ((seed * 13) % 60);
	const imocha = seed % 2 ? 30 + ((seed * 7) % 70) : null;
	const weighted = imocha === null ? self : Math.round((self * 0.4 + imocha * 0.6) * 10) / 10;
	return {
		skill: {
			skillId: skill.skill.id,
			skillName: skill.displayName,
			taxonomySkillExternalId: skill.externalId,
			modifiedOn,
			skillClassification: skill.skillClassification,
		},
		selfValidationScore: self,
		iMochaValidationScore: imocha,
		managerValidationScore: seed % 3 ? null : 60,
		weightedProficiencyScore: weighted,
		multiRaterValidationScore: null,
		weightedAIInferenceScore: seed % 4 ? null : 55,
		experienceInMonths: seed % 5 ? (seed * 3) % 96 : null,
		aiInferredRatings: [],
		isJobProfileSkill: true,
		skillPriorirty: null,
		skillRequiredProficiency: required,
		skillGapInPercentage: Math.max(0, Math.round(((required - weighted) / required) * 1000) / 10),
	};
}

function jobProfiles(taxonomy: TaxonomySkill[]): JobProfile[] {
	const names = ['Backend Engineer', 'Data Analyst', 'Cloud Engineer', 'Product Designer', 'Engineering Manager'];
	return names.map((jobProfileName, index) => ({
		jobProfileId: 301 + index,
		jobProfileName,
		description: `The skills a ${jobProfileName} needs`,
		skills: [0, 1, 2, 3].map((offset) => {
			const skill = taxonomy[(index * 4 + offset) % NAMED_SKILLS.length];
			return { skillId: skill.skill.id, skillName: skill.displayName, skillRequiredProficiency: 60 + offset * 10 };
		}),
	}));
}

/** Skill profiles changed from early 2025 to late 2026, so "modified since" has something to cut. */
function employee(index: number, profiles: JobProfile[], taxonomy: TaxonomySkill[]): SiEmployee {
	const first = FIRST_NAMES[index % FIRST_NAMES.length];
	const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length];
	const number = String(index + 1).padStart(4, '0');
	const profile = profiles[index % profiles.length];
	const modifiedOn = new Date(Date.UTC(2025, 0, 1) + index * 5 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
	return {
		employeeId: FIRST_EMPLOYEE_ID + index,
		externalEmployeeId: `EMP-${number}`,
		email: `${first}.${last}.${number}@example.com`.toLowerCase(),
		fullName: `${first} ${last}`,
		status: index % 17 === 16 ? 'Inactive' : 'Active',
		jobProfileId: profile.jobProfileId,
		skills: profile.skills.map((required, offset) => {
			const skill = taxonomy.find((entry) => entry.skill.id === required.skillId) as TaxonomySkill;
			return employeeSkill(skill, index + offset, modifiedOn, required.skillRequiredProficiency);
		}),
	};
}

function certificates(employees: SiEmployee[]): Record<number, Certificate[]> {
	const titles: Array<[string, string]> = [
		['AWS Certified Developer', 'Amazon Web Services'],
		['Oracle Certified Professional: Java SE', 'Oracle'],
		['Certified Kubernetes Administrator', 'CNCF'],
	];
	const byEmployee: Record<number, Certificate[]> = {};
	employees.forEach((entry, index) => {
		byEmployee[entry.employeeId] = titles.slice(0, index % 4).map(([title, issuer], offset) => ({
			certificateId: 70_000 + index * 10 + offset,
			title,
			issuer,
			certificateStatus: offset === 2 ? 2 : 1,
			skills: [
				{
					taxonomySkillId: 9001 + offset,
					skillName: NAMED_SKILLS[offset],
					description: `${NAMED_SKILLS[offset]} certification`,
					explanation: `Covers ${NAMED_SKILLS[offset]}`,
					proficiency: 70 + offset * 5,
				},
			],
		}));
	});
	return byEmployee;
}

export function seedIntelligence(): IntelligenceState {
	const taxonomy = Array.from({ length: SEEDED_TAXONOMY_SKILLS }, (_, index) => taxonomySkill(index));
	const profiles = jobProfiles(taxonomy);
	const employees = Array.from({ length: SEEDED_EMPLOYEES }, (_, index) => employee(index, profiles, taxonomy));
	let counter = 90_000;
	return {
		employees,
		taxonomy,
		jobProfiles: profiles,
		jobCodes: [],
		certificates: certificates(employees),
		weightages: { selfValidation: 10, managerValidation: 25, iMochaValidation: 40, multiRaterValidation: 15, aiInference: 10 },
		nextId: () => ++counter,
	};
}
