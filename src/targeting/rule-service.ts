import type { Kysely } from 'kysely';
import { visibleJurisdictions, type Actor } from '../access/model.js';
import { withholdPnrExplanation, withholdPnrFields } from '../access/pnr-visibility.js';
import { requirePermission, type AccessService } from '../access/service.js';
import type { Database } from '../db/schema.js';
import { conflict, invalid, notFound } from '../errors.js';
import {
  catalogue,
  compileRule,
  fieldsOf,
  operatorsFor,
  listKindsFor,
  validateRule,
  type RuleTree,
  type Subject,
} from '../rules/api.js';
import { bumpTargetingRevision } from './hit-store.js';
import type { CodeListInput, RuleInput, RulePatch } from './model.js';
import { requirePnrRuleClearance, requireRuleChange, ruleChangeRefusal, usesPnr } from './rule-access.js';
import { RuleStore } from './rule-store.js';
import { reservationByLocator } from './rule-test-subject.js';
import type { SubjectProviders } from './subject-provider.js';

type RuleRow = Awaited<ReturnType<RuleStore['listRules']>>[number];

function ruleView(row: RuleRow, actor: Actor) {
  const view = {
    id: row.id,
    subject: row.subject,
    state: row.state,
    version: row.current_version,
    name: row.name,
    description: row.description,
    severity: row.severity,
    category: row.category,
    condition: row.condition as RuleTree,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    owner: { unitId: row.owner_unit_id, unitName: row.owner_unit_name, jurisdiction: row.jurisdiction_code },
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    versionBy: row.version_by,
    versionAt: row.version_at,
  };
  const refusal = ruleChangeRefusal(actor, view);
  return {
    ...view,
    usesPnr: usesPnr(view.subject, view.condition),
    /** Whether the actor may edit, activate or retire the rule, and why not (rule-access.ts). */
    change: { allowed: refusal === null, reason: refusal?.code ?? null, message: refusal?.message ?? null },
  };
}
export type RuleView = ReturnType<typeof ruleView>;

/** Rules with their versions, code lists, and trying a rule on one record. */
export class RuleService {
  private readonly store: RuleStore;
  private readonly listeners: (() => Promise<void>)[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
    private readonly subjects: SubjectProviders,
  ) {
    this.store = new RuleStore(db);
  }

  /** The code lists rules refer to, by name (back-tests compile with them). */
  codeListsByName() {
    return this.store.codeLists();
  }

  /** Called after every change to active rules or code lists (screening again). */
  onChange(listener: () => Promise<void>): void {
    this.listeners.push(listener);
  }

  private async changed(): Promise<void> {
    for (const listener of this.listeners) await listener();
  }

  fieldCatalogue(actor: Actor) {
    requirePermission(actor, 'rules:read');
    return {
      subjects: (['traveller', 'reservation'] as const).map((subject) => ({
        subject,
        fields: fieldsOf(subject).map((field) => ({
          ...field,
          operators: operatorsFor(field),
          listKinds: listKindsFor(field),
        })),
      })),
      fields: catalogue.length,
    };
  }

  async list(actor: Actor, filter: { state?: string; subject?: string; q?: string; mine?: boolean }) {
    requirePermission(actor, 'rules:read');
    const rows = await this.store.listRules({
      jurisdictions: visibleJurisdictions(actor),
      ...filter,
      ...(filter.mine ? { createdBy: actor.name } : {}),
    });
    return { items: rows.map((row) => ruleView(row, actor)) };
  }

  async get(actor: Actor, id: string) {
    requirePermission(actor, 'rules:read');
    const [row] = await this.store.listRules({ jurisdictions: visibleJurisdictions(actor), id });
    if (!row) throw notFound('Rule', id);
    const versions = await this.store.versions(id);
    return {
      ...ruleView(row, actor),
      versions: versions.map((v) => ({
        version: v.version,
        name: v.name,
        description: v.description,
        severity: v.severity,
        category: v.category,
        condition: v.condition as RuleTree,
        validFrom: v.valid_from,
        validTo: v.valid_to,
        createdBy: v.created_by,
        createdAt: v.created_at,
      })),
    };
  }

  private async check(subject: Subject, condition: RuleTree): Promise<void> {
    const issues = validateRule(condition, subject, await this.store.codeLists());
    if (issues.length > 0)
      throw invalid(
        `The rule is not valid: ${issues.map((i) => `${i.path || 'rule'}: ${i.message}`).join('; ')}`,
        issues,
      );
  }

  async create(actor: Actor, input: RuleInput) {
    requirePermission(actor, 'rules:write');
    requirePnrRuleClearance(actor, input.subject, input.condition);
    await this.check(input.subject, input.condition);
    const id = await this.db.transaction().execute(async (trx) => {
      const created = await this.store.insertRule(trx, {
        subject: input.subject,
        owner_unit_id: actor.unitId,
        jurisdiction_code: actor.jurisdictionCode,
        created_by: actor.name,
      });
      await this.store.insertVersion(trx, {
        rule_id: created,
        version: 1,
        name: input.name,
        description: input.description,
        severity: input.severity,
        category: input.category,
        condition: input.condition,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        created_by: actor.name,
      });
      return created;
    });
    await this.access.auditBy(actor, {
      action: 'rule.create',
      entity: 'rule',
      entityId: id,
      details: { name: input.name },
    });
    return this.get(actor, id);
  }

  /** Content changes make a new version; a state change (activate, retire) does not. */
  async update(actor: Actor, id: string, patch: RulePatch) {
    requirePermission(actor, 'rules:write');
    const current = await this.get(actor, id);
    requireRuleChange(actor, current);
    if (patch.condition) requirePnrRuleClearance(actor, current.subject, patch.condition);
    const next = {
      name: patch.name ?? current.name,
      description: patch.description ?? current.description,
      severity: patch.severity ?? current.severity,
      category: patch.category ?? current.category,
      condition: patch.condition ?? current.condition,
      validFrom: patch.validFrom !== undefined ? patch.validFrom : current.validFrom,
      validTo: patch.validTo !== undefined ? patch.validTo : current.validTo,
    };
    if (next.validFrom && next.validTo && next.validTo < next.validFrom)
      throw invalid('valid to is before valid from');
    const contentChanged = (Object.keys(next) as (keyof typeof next)[]).some(
      (key) => JSON.stringify(next[key]) !== JSON.stringify(current[key]),
    );
    if (contentChanged || patch.state === 'active') await this.check(current.subject, next.condition);
    if (current.state === 'retired' && patch.state === undefined && contentChanged)
      throw conflict('A retired rule is not edited: set it to draft or active first');
    const version = contentChanged ? current.version + 1 : current.version;
    await this.db.transaction().execute(async (trx) => {
      if (contentChanged)
        await this.store.insertVersion(trx, {
          rule_id: id,
          version,
          name: next.name,
          description: next.description,
          severity: next.severity,
          category: next.category,
          condition: next.condition,
          valid_from: next.validFrom,
          valid_to: next.validTo,
          created_by: actor.name,
        });
      await this.store.setRule(trx, id, {
        current_version: version,
        ...(patch.state ? { state: patch.state } : {}),
      });
      await bumpTargetingRevision(trx);
    });
    await this.access.auditBy(actor, {
      action: 'rule.update',
      entity: 'rule',
      entityId: id,
      details: { version, state: patch.state ?? current.state, contentChanged },
    });
    if (patch.state === 'active' || current.state === 'active' || patch.state === 'retired')
      await this.changed();
    return this.get(actor, id);
  }

  /** A rule (a stored version, or a condition being written) on one traveller or reservation, explained. */
  async test(
    actor: Actor,
    id: string | null,
    input: {
      travellerId?: string;
      reservationId?: string;
      recordLocator?: string;
      carrier?: string;
      version?: number;
      condition?: RuleTree;
      subject?: Subject;
    },
  ) {
    requirePermission(actor, 'rules:read');
    let subject: Subject = input.subject ?? 'traveller';
    let condition = input.condition;
    if (id) {
      const rule = await this.get(actor, id);
      subject = rule.subject;
      condition ??=
        (input.version
          ? rule.versions.find((v) => v.version === input.version)?.condition
          : rule.condition) ?? undefined;
      if (!condition) throw notFound('Rule version', String(input.version));
    }
    if (!condition) throw invalid('Give the condition to test');
    // Whether a PNR condition holds tells its value: only PNR-cleared roles try one.
    requirePnrRuleClearance(actor, subject, condition);
    const codeLists = await this.store.codeLists();
    const issues = validateRule(condition, subject, codeLists);
    if (issues.length > 0) return { valid: false as const, issues };
    const compiled = compileRule(condition, subject, codeLists);
    const provider = this.subjects.forRules(subject);
    let recordId: string;
    if (subject === 'traveller') {
      if (!input.travellerId) throw invalid('Give the traveller to test the rule on (travellerId)');
      requirePermission(actor, 'travellers:read');
      recordId = input.travellerId;
    } else {
      requirePermission(actor, 'pnr:read');
      recordId = input.reservationId ?? (await reservationByLocator(provider, actor, input));
    }
    const [row] = await provider.load([recordId]);
    const jurisdictions = visibleJurisdictions(actor);
    if (!row || (jurisdictions && !jurisdictions.includes(provider.summary(row).jurisdictionCode)))
      throw notFound(subject === 'traveller' ? 'Traveller' : 'Reservation', recordId);
    const record = provider.fields(row);
    // The reservation tried, named as people name it (carrier and record locator).
    const tested =
      subject === 'reservation' ? { reservationId: recordId, ...provider.reference?.(row) } : undefined;
    const explanation = withholdPnrExplanation(actor, compiled.explain(record));
    return {
      valid: true as const,
      fired: compiled.test(record),
      explanation,
      record: withholdPnrFields(actor, record),
      // The reservation tried, when it was named by its record locator.
      ...(tested ? { reservation: tested } : {}),
    };
  }

  // Code lists

  async codeLists(actor: Actor) {
    requirePermission(actor, 'rules:read');
    const rows = await this.store.listCodeLists(visibleJurisdictions(actor));
    return {
      items: rows.map((row) => ({
        id: row.id,
        name: row.name,
        kind: row.kind,
        description: row.description,
        jurisdiction: row.jurisdiction_code,
        itemCount: row.item_count ?? 0,
        createdBy: row.created_by,
        updatedAt: row.updated_at,
      })),
    };
  }

  async codeList(actor: Actor, id: string) {
    requirePermission(actor, 'rules:read');
    const row = await this.store.getCodeList(id);
    const visible = visibleJurisdictions(actor);
    if (!row || (visible && !visible.includes(row.jurisdiction_code))) throw notFound('Code list', id);
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      description: row.description,
      jurisdiction: row.jurisdiction_code,
      items: await this.store.codeListItems(id),
      usedBy: await this.store.rulesUsingList(row.name),
    };
  }

  async createCodeList(actor: Actor, input: CodeListInput) {
    requirePermission(actor, 'rules:write');
    if (await this.store.codeListByName(input.name))
      throw conflict(`A code list named "${input.name}" already exists`);
    const id = await this.db.transaction().execute(async (trx) => {
      const created = await this.store.insertCodeList(trx, {
        name: input.name,
        kind: input.kind,
        description: input.description,
        owner_unit_id: actor.unitId,
        jurisdiction_code: actor.jurisdictionCode,
        created_by: actor.name,
      });
      await this.store.replaceItems(trx, created, input.items);
      await bumpTargetingRevision(trx);
      return created;
    });
    await this.access.auditBy(actor, {
      action: 'code-list.create',
      entity: 'code_list',
      entityId: id,
      details: { name: input.name, items: input.items.length },
    });
    return this.codeList(actor, id);
  }

  async updateCodeList(
    actor: Actor,
    id: string,
    patch: { description?: string; items?: { value: string; note: string | null }[] },
  ) {
    requirePermission(actor, 'rules:write');
    const current = await this.codeList(actor, id);
    await this.db.transaction().execute(async (trx) => {
      if (patch.description !== undefined)
        await this.store.updateCodeListDescription(trx, id, patch.description);
      if (patch.items) await this.store.replaceItems(trx, id, patch.items);
      await bumpTargetingRevision(trx);
    });
    await this.access.auditBy(actor, {
      action: 'code-list.update',
      entity: 'code_list',
      entityId: id,
      details: { name: current.name, items: patch.items?.length },
    });
    if (patch.items && current.usedBy.length > 0) await this.changed();
    return this.codeList(actor, id);
  }

  async deleteCodeList(actor: Actor, id: string) {
    requirePermission(actor, 'rules:write');
    const current = await this.codeList(actor, id);
    if (current.usedBy.length > 0)
      throw conflict(
        `The code list is used by ${current.usedBy.map((n) => `"${n}"`).join(', ')}: change those rules first`,
      );
    await this.db.transaction().execute(async (trx) => {
      await this.store.deleteCodeList(trx, id);
      await bumpTargetingRevision(trx);
    });
    await this.access.auditBy(actor, {
      action: 'code-list.delete',
      entity: 'code_list',
      entityId: id,
      details: { name: current.name },
    });
  }
}
