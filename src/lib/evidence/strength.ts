/**
 * How strong the evidence on a topic is, from one published rule table. The label says how well
 * the accounts on this site back a topic up, not whether the approach works: a topic with one
 * anecdotal account may still be right for you. /evidence/ shows this table as written here.
 */
import type { Blueprint } from '../schema';

type EvidenceLevel = Blueprint['outcome']['evidence'];

/** Evidence levels from weakest to strongest; a rule's `minEvidence` accepts its level and stronger. */
export const evidenceOrder: readonly EvidenceLevel[] = ['anecdotal', 'measured-locally', 'independently-evaluated'];

/** Accounts last reviewed longer ago than this do not count towards `strong` or `moderate`. */
export const recentYears = 3;

export interface StrengthRule {
  value: 'strong' | 'moderate' | 'limited' | 'none';
  label: string;
  /** Only accounts reviewed in the last `recentYears` years count. */
  recentOnly: boolean;
  /** Distinct publishing organisations among the accounts that count. */
  minOrganisations: number;
  /** At least one account that counts has this evidence level or a stronger one. */
  minEvidence?: EvidenceLevel;
  /** The rule in words, as the site shows it. */
  rule: string;
}

/** The first rule a set of accounts meets gives its label; `none` always matches. */
export const strengthRules: readonly StrengthRule[] = [
  {
    value: 'strong', label: 'Strong', recentOnly: true, minOrganisations: 2, minEvidence: 'independently-evaluated',
    rule: `Accounts from at least 2 organisations reviewed in the last ${recentYears} years, at least one of them independently evaluated.`,
  },
  {
    value: 'moderate', label: 'Moderate', recentOnly: true, minOrganisations: 2, minEvidence: 'measured-locally',
    rule: `Accounts from at least 2 organisations reviewed in the last ${recentYears} years, at least one of them measured locally or independently evaluated.`,
  },
  {
    value: 'limited', label: 'Limited', recentOnly: false, minOrganisations: 1,
    rule: 'At least one account, of any evidence level or age, that does not meet the rules above.',
  },
  { value: 'none', label: 'None yet', recentOnly: false, minOrganisations: 0, rule: 'No blueprint or redprint yet.' },
];

type Account = { data: Pick<Blueprint, 'organisation' | 'lastReviewed'> & { outcome: Pick<Blueprint['outcome'], 'evidence'> } };

/** Whether an account was last reviewed within `recentYears` years before `today`. */
export function isRecent(account: Account, today: Date): boolean {
  const cutoff = new Date(today.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - recentYears);
  return account.data.lastReviewed.getTime() >= cutoff.getTime();
}

export function meetsRule(rule: StrengthRule, accounts: readonly Account[], today: Date): boolean {
  const counted = rule.recentOnly ? accounts.filter((a) => isRecent(a, today)) : accounts;
  const organisations = new Set(counted.map((a) => a.data.organisation)).size;
  if (organisations < rule.minOrganisations) return false;
  if (!rule.minEvidence) return true;
  const floor = evidenceOrder.indexOf(rule.minEvidence);
  return counted.some((a) => evidenceOrder.indexOf(a.data.outcome.evidence) >= floor);
}

export function evidenceStrength(accounts: readonly Account[], today: Date): StrengthRule {
  return strengthRules.find((rule) => meetsRule(rule, accounts, today)) ?? strengthRules[strengthRules.length - 1];
}
