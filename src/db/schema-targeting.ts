import type { Generated } from 'kysely';
import type { Json, Timestamp } from './schema-columns.js';

/** Kysely table types of targeting: code lists, rules, screening jobs, hits (see schema.ts). */
export interface CodeListTable {
  id: Generated<string>;
  name: string;
  kind: 'airport' | 'country' | 'carrier' | 'document-number' | 'keyword' | 'phone' | 'email' | 'other';
  description: Generated<string>;
  owner_unit_id: string | null;
  jurisdiction_code: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CodeListItemTable {
  code_list_id: string;
  value: string;
  note: string | null;
}

export interface RuleTable {
  id: Generated<string>;
  subject: 'traveller' | 'reservation';
  state: Generated<'draft' | 'active' | 'retired'>;
  current_version: Generated<number>;
  owner_unit_id: string;
  jurisdiction_code: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RuleVersionTable {
  rule_id: string;
  version: number;
  name: string;
  description: Generated<string>;
  severity: 'low' | 'medium' | 'high' | 'critical';
  category: string;
  condition: Json<unknown>;
  valid_from: string | null;
  valid_to: string | null;
  created_by: string;
  created_at: Timestamp;
}

/** The one work queue (src/jobs): a job's kind names its handler, its payload is that kind's. */
export interface JobTable {
  id: Generated<number>;
  kind: string;
  payload: Json<unknown>;
  status: Generated<'pending' | 'running' | 'done' | 'dead'>;
  attempts: Generated<number>;
  available_at: Timestamp;
  locked_by: string | null;
  locked_at: string | null;
  lease_until: string | null;
  lease_token: string | null;
  error: string | null;
  created_at: Timestamp;
  finished_at: string | null;
}

export interface HitTable {
  id: Generated<string>;
  jurisdiction_code: string;
  /** The kind of the subject (its provider's) and its id; the `<kind>_id` column holds it too (its foreign key). */
  subject_kind: 'traveller' | 'reservation';
  subject_id: string;
  traveller_id: string | null;
  reservation_id: string | null;
  flight_id: string | null;
  source: 'rule' | 'watchlist';
  rule_id: string | null;
  rule_version: number | null;
  watchlist_entry_id: string | null;
  /** A booked traveller of the reservation (on no passenger list) the hit was found on. */
  booked_sequence: Generated<number | null>;
  dedupe_key: string;
  subject_name: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  category: string;
  score: number | null;
  explanation: Json<unknown>;
  still_matching: Generated<boolean>;
  due_at: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_matched_at: Timestamp;
}

export interface HitReviewTable {
  hit_id: string;
  agency_id: string;
  status: Generated<'new' | 'in-review' | 'referred' | 'closed'>;
  outcome: 'positive' | 'negative' | 'not-encountered' | 'false-match' | null;
  assigned_to: string | null;
  closed_by: string | null;
  closed_at: string | null;
  updated_at: Timestamp;
  referred_to_unit_id: Generated<string | null>;
  referred_to_user_id: Generated<string | null>;
  referral_reason: Generated<string | null>;
  referred_by: Generated<string | null>;
  referred_at: Generated<string | null>;
}

export interface HitEventTable {
  id: Generated<number>;
  hit_id: string;
  agency_id: string | null;
  kind: string;
  actor_name: string;
  details: Json<unknown>;
  at: Timestamp;
}

export interface TargetingRevisionTable {
  id: number;
  revision: number;
}
