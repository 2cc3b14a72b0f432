import { sql, type Kysely, type Transaction } from 'kysely';
import { containsPattern } from '../db/like.js';
import type { Database } from '../db/schema.js';
import type { CodeList, CodeLists, RuleTree, Subject } from '../rules/api.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface RuleVersionRow {
  rule_id: string;
  version: number;
  name: string;
  description: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  category: string;
  condition: unknown;
  valid_from: string | null;
  valid_to: string | null;
  created_by: string;
  created_at: string;
}

export interface ActiveRule {
  id: string;
  version: number;
  subject: Subject;
  jurisdictionCode: string;
  name: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  category: string;
  tree: RuleTree;
}

/** The only place with rule and code-list SQL. */
export class RuleStore {
  constructor(private readonly db: Kysely<Database>) {}

  listRules(filter: {
    jurisdictions: string[] | null;
    state?: string;
    subject?: string;
    q?: string;
    createdBy?: string;
    id?: string;
  }) {
    let query = this.db
      .selectFrom('rules as r')
      .innerJoin('rule_versions as v', (join) =>
        join.onRef('v.rule_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'),
      )
      .innerJoin('units as u', 'u.id', 'r.owner_unit_id')
      .select([
        'r.id',
        'r.subject',
        'r.state',
        'r.current_version',
        'r.owner_unit_id',
        'u.name as owner_unit_name',
        'r.jurisdiction_code',
        'r.created_by',
        'r.created_at',
        'r.updated_at',
        'v.name',
        'v.description',
        'v.severity',
        'v.category',
        'v.condition',
        'v.valid_from',
        'v.valid_to',
        'v.created_by as version_by',
        'v.created_at as version_at',
      ])
      .orderBy('v.name');
    if (filter.jurisdictions) query = query.where('r.jurisdiction_code', 'in', filter.jurisdictions);
    if (filter.id) query = query.where('r.id', '=', filter.id);
    if (filter.state) query = query.where('r.state', '=', filter.state as never);
    if (filter.subject) query = query.where('r.subject', '=', filter.subject as never);
    if (filter.createdBy) query = query.where('r.created_by', '=', filter.createdBy);
    if (filter.q) query = query.where('v.name', 'ilike', containsPattern(filter.q));
    return query.execute();
  }

  versions(ruleId: string) {
    return this.db
      .selectFrom('rule_versions')
      .selectAll()
      .where('rule_id', '=', ruleId)
      .orderBy('version', 'desc')
      .execute();
  }

  version(ruleId: string, version: number) {
    return this.db
      .selectFrom('rule_versions')
      .selectAll()
      .where('rule_id', '=', ruleId)
      .where('version', '=', version)
      .executeTakeFirst();
  }

  async insertRule(
    db: Db,
    rule: { subject: Subject; owner_unit_id: string; jurisdiction_code: string; created_by: string },
  ): Promise<string> {
    const row = await db.insertInto('rules').values(rule).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async insertVersion(
    db: Db,
    row: Omit<RuleVersionRow, 'created_at' | 'condition'> & { condition: RuleTree },
  ): Promise<void> {
    await db
      .insertInto('rule_versions')
      .values({ ...row, condition: JSON.stringify(row.condition) })
      .execute();
  }

  async setRule(
    db: Db,
    id: string,
    values: { state?: 'draft' | 'active' | 'retired'; current_version?: number },
  ) {
    await db
      .updateTable('rules')
      .set({ ...values, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  }

  /** Active rules of their current version, in force on the day. */
  async activeRules(day: string): Promise<ActiveRule[]> {
    const rows = await this.db
      .selectFrom('rules as r')
      .innerJoin('rule_versions as v', (join) =>
        join.onRef('v.rule_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'),
      )
      .select([
        'r.id',
        'r.subject',
        'r.jurisdiction_code',
        'v.version',
        'v.name',
        'v.severity',
        'v.category',
        'v.condition',
      ])
      .where('r.state', '=', 'active')
      .where((eb) => eb.or([eb('v.valid_from', 'is', null), eb('v.valid_from', '<=', day)]))
      .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>=', day)]))
      .execute();
    return rows.map((row) => ({
      id: row.id,
      version: row.version,
      subject: row.subject,
      jurisdictionCode: row.jurisdiction_code,
      name: row.name,
      severity: row.severity,
      category: row.category,
      tree: row.condition as RuleTree,
    }));
  }

  // Code lists

  listCodeLists(jurisdictions: string[] | null) {
    let query = this.db
      .selectFrom('code_lists as c')
      .select([
        'c.id',
        'c.name',
        'c.kind',
        'c.description',
        'c.jurisdiction_code',
        'c.created_by',
        'c.created_at',
        'c.updated_at',
      ])
      .select((eb) =>
        eb
          .selectFrom('code_list_items as i')
          .whereRef('i.code_list_id', '=', 'c.id')
          .select(sql<number>`count(*)::integer`.as('n'))
          .as('item_count'),
      )
      .orderBy('c.name');
    if (jurisdictions) query = query.where('c.jurisdiction_code', 'in', jurisdictions);
    return query.execute();
  }

  getCodeList(id: string) {
    return this.db.selectFrom('code_lists').selectAll().where('id', '=', id).executeTakeFirst();
  }

  codeListItems(id: string) {
    return this.db
      .selectFrom('code_list_items')
      .select(['value', 'note'])
      .where('code_list_id', '=', id)
      .orderBy('value')
      .execute();
  }

  async codeListByName(name: string) {
    return this.db
      .selectFrom('code_lists')
      .select('id')
      .where(sql`lower(name)`, '=', name.toLowerCase())
      .executeTakeFirst();
  }

  async insertCodeList(
    db: Db,
    values: {
      name: string;
      kind: Database['code_lists']['kind'];
      description: string;
      owner_unit_id: string;
      jurisdiction_code: string;
      created_by: string;
    },
  ): Promise<string> {
    const row = await db.insertInto('code_lists').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async replaceItems(db: Db, id: string, items: { value: string; note: string | null }[]): Promise<void> {
    await db.deleteFrom('code_list_items').where('code_list_id', '=', id).execute();
    const unique = [...new Map(items.map((item) => [item.value, item])).values()];
    for (let start = 0; start < unique.length; start += 1000)
      await db
        .insertInto('code_list_items')
        .values(
          unique
            .slice(start, start + 1000)
            .map((item) => ({ code_list_id: id, value: item.value, note: item.note })),
        )
        .execute();
    await db
      .updateTable('code_lists')
      .set({ updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  }

  async updateCodeListDescription(db: Db, id: string, description: string) {
    await db
      .updateTable('code_lists')
      .set({ description, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  }

  async deleteCodeList(db: Db, id: string) {
    await db.deleteFrom('code_lists').where('id', '=', id).execute();
  }

  /** Every code list by name, for compiling rules. */
  async codeLists(): Promise<CodeLists> {
    const rows = await this.db
      .selectFrom('code_lists as c')
      .leftJoin('code_list_items as i', 'i.code_list_id', 'c.id')
      .select(['c.name', 'c.kind', 'i.value'])
      .execute();
    const lists = new Map<string, { kind: CodeList['kind']; items: string[] }>();
    for (const row of rows) {
      let list = lists.get(row.name);
      if (!list) lists.set(row.name, (list = { kind: row.kind, items: [] }));
      if (row.value !== null) list.items.push(row.value);
    }
    return lists;
  }

  /** Names of rules (any state but retired) whose current version names the code list. */
  async rulesUsingList(name: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('rules as r')
      .innerJoin('rule_versions as v', (join) =>
        join.onRef('v.rule_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'),
      )
      .select('v.name')
      .where('r.state', '<>', 'retired')
      .where(sql<boolean>`position(${JSON.stringify(name)} in v.condition::text) > 0`)
      .execute();
    return rows.map((r) => r.name);
  }
}
