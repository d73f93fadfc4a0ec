import type { Executor } from '../db/db';
import { REGIONS } from '../member';
import { fen } from '../shared/money';
import type { FreightRegion, FreightRule, FreightTemplate } from './domain/freight-template';
import { findTemplateRows, holdTemplate, type TemplateRow } from './repo/freight.repo';

/** The provinces a region may name: the ones the address book accepts. */
export const PROVINCES: readonly string[] = Object.keys(REGIONS);

interface StoredRules {
  regions: FreightRegion[];
  defaultRule: FreightRule;
}

function ruleOf(r: FreightRule): FreightRule {
  return {
    firstUnit: r.firstUnit,
    firstFeeFen: fen(r.firstFeeFen),
    additionalUnit: r.additionalUnit,
    additionalFeeFen: fen(r.additionalFeeFen),
    freeOverFen: r.freeOverFen === null ? null : fen(r.freeOverFen),
  };
}

/** A stored row as the domain's template (amounts branded again). */
export function templateOf(row: TemplateRow): FreightTemplate {
  const rules = row.rules as StoredRules;
  return {
    id: row.id,
    name: row.name,
    chargeBy: row.charge_by,
    regions: rules.regions.map((r) => ({ provinces: [...r.provinces], ...ruleOf(r) })),
    defaultRule: ruleOf(rules.defaultRule),
    undeliverable: row.undeliverable,
  };
}

/** What the jsonb column stores of a template. */
export function storedRules(t: Pick<FreightTemplate, 'regions' | 'defaultRule'>): string {
  const stored: StoredRules = { regions: t.regions, defaultRule: t.defaultRule };
  return JSON.stringify(stored);
}

/** Templates by id, read once per call. */
export async function loadTemplates(
  exec: Executor,
  storeId: string,
  ids: Iterable<string>,
): Promise<Map<string, FreightTemplate>> {
  const unique = [...new Set(ids)];
  const rows = await findTemplateRows(exec, storeId, unique);
  return new Map(rows.map((r) => [r.id, templateOf(r)]));
}

/**
 * Whether `templateId` is one of the store's freight templates (a product may name only those),
 * held against a concurrent delete until the caller's transaction ends.
 */
export async function freightTemplateInStore(exec: Executor, storeId: string, templateId: string): Promise<boolean> {
  return holdTemplate(exec, storeId, templateId);
}
