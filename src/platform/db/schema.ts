import type { ColumnType, Generated } from 'kysely';

/** A column the database fills in (default) but that may be given on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export type Role = 'admin' | 'supervisor' | 'agent';

export interface OrganisationsTable { id: Generated<string>; name: string; created_at: Timestamp }
export interface ProjectsTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  default_country: Defaulted<string>;
  timezone: Defaulted<string>;
  created_at: Timestamp;
}
export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: Defaulted<string>;
  password_hash: string | null;
  locale: Defaulted<string>;
  created_at: Timestamp;
}
export interface MembershipsTable { project_id: string; user_id: string; role: Role; created_at: Timestamp }
export interface InvitationsTable {
  id: Generated<string>;
  project_id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string | null;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  created_at: Timestamp;
}
export interface SessionsTable { token_hash: string; user_id: string; expires_at: Timestamp; created_at: Timestamp }
export interface ApiKeysTable {
  id: Generated<string>;
  project_id: string;
  name: string;
  role: Role;
  prefix: string;
  key_hash: string;
  created_by: string | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_at: Timestamp;
}
export interface AuditLogTable {
  id: Generated<string>;
  project_id: string | null;
  actor_kind: 'user' | 'api_key' | 'system';
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  details: Json;
  at: Timestamp;
}
export type AccountKind = 'customer' | 'supplier' | 'partner' | 'other';
interface PartyColumns {
  id: Generated<string>;
  project_id: string;
  external_id: string | null;
  name: string;
  owner_id: string | null;
  city: string | null;
  region: string | null;
  timezone: string | null;
  tags: Defaulted<string[]>;
  custom: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface AccountsTable extends PartyColumns { kind: AccountKind }
export interface ContactsTable extends PartyColumns { account_id: string | null; emails: Defaulted<string[]> }
export interface ContactPhonesTable {
  project_id: string;
  phone: string;
  contact_id: string;
  label: Defaulted<string>;
  position: Defaulted<number>;
}
export interface WebhooksTable {
  id: Generated<string>;
  project_id: string;
  url: string;
  secret: string;
  event_types: string[];
  active: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type DeliveryStatus = 'pending' | 'delivered' | 'retrying' | 'failed';
export interface WebhookDeliveriesTable {
  id: Generated<string>;
  webhook_id: string;
  project_id: string;
  event_id: string;
  event_type: string;
  payload: Json;
  status: DeliveryStatus;
  attempts: Defaulted<number>;
  last_status_code: number | null;
  last_error: string | null;
  event_at: Timestamp;
  next_attempt_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface ImportsTable {
  id: Generated<string>;
  project_id: string;
  kind: string;
  file_name: Defaulted<string>;
  status: 'running' | 'done' | 'failed';
  rows_total: Defaulted<number>;
  rows_imported: Defaulted<number>;
  rows_failed: Defaulted<number>;
  errors: Json;
  failure: string | null;
  failure_code: string | null;
  failure_line: number | null;
  created_by: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface QueuesTable {
  id: Generated<string>;
  project_id: string;
  name: string;
  vertical: Defaulted<string>;
  task_type: Defaulted<string>;
  settings: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface AgentsTable {
  id: Generated<string>;
  project_id: string;
  user_id: string;
  state: Defaulted<'offline' | 'available' | 'reserved' | 'busy' | 'wrap_up' | 'break'>;
  state_reason: string | null;
  state_since: Timestamp;
  wrap_up_until: Timestamp | null;
  current_task_id: string | null;
  skills: Json;
  score_cap: number | null;
  created_at: Timestamp;
}
export interface AgentStateChangesTable {
  id: Generated<number>;
  project_id: string;
  agent_id: string;
  from_state: string;
  to_state: string;
  reason: string | null;
  at: Timestamp;
}
export interface TasksTable {
  id: Generated<string>;
  project_id: string;
  queue_id: string;
  status: Defaulted<'queued' | 'offered' | 'accepted' | 'wrap_up' | 'done' | 'expired' | 'cancelled'>;
  external_id: string | null;
  title: Defaulted<string>;
  phones: Defaulted<string[]>;
  value: Defaulted<number>;
  due_at: Timestamp | null;
  scheduled_at: Timestamp | null;
  eligible_at: Timestamp | null;
  expires_at: Timestamp | null;
  owner_agent_id: string | null;
  agent_id: string | null;
  offer_id: string | null;
  required_skills: Json;
  details: Json;
  contact_id: string | null;
  disposition: string | null;
  notes: string | null;
  attempts: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  completed_at: Timestamp | null;
}
export interface TaskOffersTable {
  id: Generated<string>;
  project_id: string;
  task_id: string;
  agent_id: string;
  offered_at: Timestamp;
  expires_at: Timestamp | null;
  outcome: Defaulted<'pending' | 'accepted' | 'declined' | 'timed_out' | 'withdrawn'>;
  decided_at: Timestamp | null;
  trace: Json;
}

/** Per-project telephony adapter, webhook and simulator settings (migration 030). */
export interface TelephonySettingsTable {
  project_id: string;
  adapter: 'sim' | 'kamailio' | 'webhook';
  webhook_url: string | null;
  webhook_secret: string | null;
  sim: Json;
  updated_at: Timestamp;
}

/** Inbound call routing (migration 020). */
export interface CallRoutingSettingsTable {
  project_id: string;
  timezone: string;
  holiday_country: string | null;
  closed_days: Defaulted<string[]>;
  business_hours: ColumnType<unknown, string | null | undefined, string | null>;
  fallback: Json;
  ring_seconds: Defaulted<number>;
  pbx_token_hash: string | null;
  pbx_token_prefix: string | null;
  updated_at: Timestamp;
}
export interface CallGroupsTable {
  id: Generated<string>;
  project_id: string;
  name: string;
  members: Defaulted<string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface RoutingRulesTable {
  id: Generated<string>;
  project_id: string;
  position: number;
  name: string;
  enabled: Defaulted<boolean>;
  conditions: Json;
  action: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface AgentExtensionsTable { project_id: string; user_id: string; extension: string }

/** Numbers: caller ID pools, tracking numbers, trunks and their prices (migrations 034..036). */
export interface CallerIdPoolsTable {
  id: Generated<string>;
  project_id: string;
  name: string;
  cities: Defaulted<string[]>;
  regions: Defaulted<string[]>;
  area_prefixes: Defaulted<string[]>;
  numbers: Defaulted<string[]>;
  is_default: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface TrackingNumbersTable {
  id: Generated<string>;
  project_id: string;
  number: string;
  source: string;
  campaign: Defaulted<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface TrunksTable {
  id: Generated<string>;
  project_id: string;
  name: string;
  priority: Defaulted<number>;
  enabled: Defaulted<boolean>;
  max_lines: number | null;
  currency: Defaulted<string>;
  first_increment: Defaulted<number>;
  next_increment: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface TrunkPricesTable {
  project_id: string;
  trunk_id: string;
  prefix: string;
  description: Defaulted<string>;
  rate_per_minute: ColumnType<string, string | number, string | number>;
  connection_fee: ColumnType<string, string | number | undefined, string | number>;
}

/** Caller card connectors (migration 033): configuration only, never what they return. */
export interface ConnectorsTable {
  id: Generated<string>;
  project_id: string;
  name: string;
  url_template: string;
  auth_header: string | null;
  auth_value: string | null;
  deadline_ms: Defaulted<number>;
  cache_ttl_seconds: Defaulted<number>;
  enabled: Defaulted<boolean>;
  display: Defaulted<'fields' | 'table'>;
  position: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Call records (migration 031): one row per call, call facts only. */
export type CallOutcome = 'answered' | 'missed' | 'abandoned' | 'busy' | 'no_answer' | 'failed' | 'rejected' | 'voicemail' | 'machine';
export interface CallsTable {
  id: Generated<string>;
  project_id: string;
  pbx_call_id: string;
  adapter: Defaulted<string>;
  direction: Defaulted<'inbound' | 'outbound'>;
  from_number: string | null;
  to_number: string | null;
  contact_id: string | null;
  agent_id: string | null;
  rule_id: string | null;
  rule_name: string | null;
  tracking_number_id: string | null;
  campaign_id: string | null;
  lead_id: string | null;
  task_id: string | null;
  caller_id: string | null;
  trunk_id: string | null;
  started_at: Timestamp;
  answered_at: Timestamp | null;
  ended_at: Timestamp | null;
  outcome: CallOutcome | null;
  end_cause: string | null;
  talk_seconds: number | null;
  duration_seconds: number | null;
  disposition: string | null;
  recording_url: string | null;
  cost: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  currency: string | null;
  answered_by: 'human' | 'machine' | null;
  held: Defaulted<boolean>;
  voicemail: Defaulted<boolean>;
}

/** The whole schema as Kysely sees it. Each migration that adds a table adds it here. */
/** Dialer campaigns, leads, attempts, lead imports and do-not-call lists (migration 040). */
export interface CampaignsTable {
  id: Generated<string>;
  project_id: string;
  name: string;
  mode: 'preview' | 'progressive' | 'predictive' | 'callback';
  status: Defaulted<'draft' | 'running' | 'paused' | 'stopped'>;
  queue_id: string | null;
  agent_ids: Defaulted<string[]>;
  settings: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type LeadStatus = 'ready' | 'dialling' | 'retry' | 'done' | 'exhausted' | 'dnc' | 'moved' | 'skipped';
export interface LeadsTable {
  id: Generated<string>;
  project_id: string;
  campaign_id: string;
  phone: string;
  name: Defaulted<string>;
  external_id: string | null;
  contact_id: string | null;
  timezone: string;
  value: ColumnType<string, string | number | undefined, string | number>;
  details: Json;
  status: Defaulted<LeadStatus>;
  attempts: Defaulted<number>;
  last_outcome: string | null;
  next_attempt_at: Timestamp | null;
  reserved_agent_id: string | null;
  reserved_until: Timestamp | null;
  task_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface LeadAttemptsTable {
  id: Generated<string>;
  project_id: string;
  campaign_id: string;
  lead_id: string | null;
  phone: string;
  at: Timestamp;
  outcome: string;
  call_id: string | null;
  agent_id: string | null;
}
export interface LeadImportsTable {
  id: Generated<string>;
  project_id: string;
  campaign_id: string;
  status: Defaulted<'running' | 'done' | 'failed'>;
  file_name: Defaulted<string>;
  rows_total: Defaulted<number>;
  rows_imported: Defaulted<number>;
  rows_failed: Defaulted<number>;
  errors: Json;
  failure: string | null;
  created_by: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}
export interface DncEntriesTable {
  id: Generated<string>;
  project_id: string;
  organisation_id: string;
  scope: 'project' | 'global';
  phone: string;
  reason: Defaulted<string>;
  created_at: Timestamp;
}

export interface Database {
  organisations: OrganisationsTable;
  projects: ProjectsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  contact_phones: ContactPhonesTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  imports: ImportsTable;
  queues: QueuesTable;
  agents: AgentsTable;
  agent_state_changes: AgentStateChangesTable;
  tasks: TasksTable;
  task_offers: TaskOffersTable;
  telephony_settings: TelephonySettingsTable;
  call_routing_settings: CallRoutingSettingsTable;
  call_groups: CallGroupsTable;
  routing_rules: RoutingRulesTable;
  agent_extensions: AgentExtensionsTable;
  caller_id_pools: CallerIdPoolsTable;
  tracking_numbers: TrackingNumbersTable;
  trunks: TrunksTable;
  trunk_prices: TrunkPricesTable;
  calls: CallsTable;
  connectors: ConnectorsTable;
  campaigns: CampaignsTable;
  leads: LeadsTable;
  lead_attempts: LeadAttemptsTable;
  lead_imports: LeadImportsTable;
  dnc_entries: DncEntriesTable;
}
