// All sandbox state, in memory: tenants and their records, the clock, identity, limits, idempotency and faults.
import {
  COLLECTIONS,
  DEFAULT_CLIENT,
  DEFAULT_LIMITS,
  DEMO_TENANT_ID,
  DEMO_TENANT_NAME,
  ID_FIELD,
  type ClientConfig,
  type Collection,
  type Json,
  type Limits,
  type SandboxOptions,
  type Stored,
  type TenantConfig,
} from '../types.js';
import { AuthStore } from './auth-store.js';
import { normalise } from './normalise.js';
import { loadSeedDir, type SeedData } from '../seed/seed-loader.js';
import { RateLimiter, type TenantDayLimits } from '../accounting/rate-limiter.js';
import { IdempotencyCache } from '../accounting/idempotency.js';
import { FaultQueue } from '../http/faults.js';
import { signJwt } from '../identity/jwt.js';
import { newId } from '../util/ids.js';
import { msDate, parseAnyDate } from '../util/ms-date.js';

export interface TenantData {
  tenantId: string;
  tenantName: string;
  records: Record<Collection, Map<string, Stored>>;
}

export interface RequestRecord {
  atMs: number;
  method: string;
  path: string;
  status: number;
  tenantId?: string;
}

export class SandboxState {
  readonly limits: Limits;
  readonly clients = new Map<string, ClientConfig>();
  readonly tenants = new Map<string, TenantData>();
  readonly auth: AuthStore;
  readonly rate: RateLimiter;
  readonly idempotency: IdempotencyCache;
  readonly faults = new FaultQueue();
  readonly requests: RequestRecord[] = [];
  /** Per tenant: its own day budget and reset time (from its config, or set through /admin). */
  readonly dayLimits = new Map<string, TenantDayLimits>();
  autoApprove: boolean;
  /** The configured tenants with their ids fixed, so a reset brings back the same tenant ids. */
  private readonly tenantConfigs: TenantConfig[];
  private offsetMs = 0;
  private lastStamp = 0;
  private seq = 0;
  private readonly renderings = new WeakMap<Stored, Readonly<Json>>();

  constructor(private readonly options: SandboxOptions = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.autoApprove = options.autoApprove ?? false;
    for (const c of options.clients ?? [DEFAULT_CLIENT]) this.clients.set(c.clientId, c);
    const now = (): number => this.now();
    this.auth = new AuthStore(now, this.limits, signJwt);
    this.rate = new RateLimiter(now, this.limits, (id) => this.dayLimits.get(id) ?? {});
    this.idempotency = new IdempotencyCache(now, this.limits);
    const configs = options.tenants ?? [{ tenantId: DEMO_TENANT_ID, tenantName: DEMO_TENANT_NAME }];
    this.tenantConfigs = configs.map((cfg, i) => ({
      ...cfg,
      tenantId: cfg.tenantId ?? newId(),
      dataDir: cfg.dataDir ?? (i === 0 ? options.dataDir : undefined),
    }));
    this.seedTenants();
  }

  now(): number {
    return (this.options.clock ?? Date.now)() + this.offsetMs;
  }

  advanceClock(ms: number): number {
    this.offsetMs += ms;
    return this.now();
  }

  /** A write time: the clock, but strictly after every earlier write. */
  stamp(): number {
    this.lastStamp = Math.max(this.now(), this.lastStamp + 1);
    return this.lastStamp;
  }

  /** Counts every change to the records (a save, a seed, a reset): what list caches are keyed by. */
  version = 0;

  /** Back to the start: records, tenants, settings, clock offset, limits, caches, faults; identity too unless keepAuth. */
  reset(keepAuth = false): void {
    this.version++;
    Object.assign(this.limits, DEFAULT_LIMITS, this.options.limits);
    this.autoApprove = this.options.autoApprove ?? false;
    this.tenants.clear();
    this.dayLimits.clear();
    this.offsetMs = 0;
    this.rate.reset();
    this.idempotency.clear();
    this.faults.clear();
    this.requests.length = 0;
    if (!keepAuth) this.auth.clear();
    this.seedTenants();
  }

  addTenant(cfg: TenantConfig): TenantData {
    const tenantId = (cfg.tenantId ?? newId()).toLowerCase();
    const records = Object.fromEntries(COLLECTIONS.map((c) => [c, new Map<string, Stored>()])) as TenantData['records'];
    const t: TenantData = { tenantId, tenantName: cfg.tenantName, records };
    this.tenants.set(tenantId, t);
    this.dayLimits.set(tenantId, { perDay: cfg.perDay, dayResetUtc: cfg.dayResetUtc });
    if (cfg.dataDir) this.seed(tenantId, loadSeedDir(cfg.dataDir), 'replace');
    return t;
  }

  tenant(tenantId: string | undefined): TenantData | undefined {
    return tenantId ? this.tenants.get(tenantId.toLowerCase()) : undefined;
  }

  /**
   * Records in creation order (by seq), without sorting: a Map iterates in insertion order, save() replaces a
   * record in place (same key, same seq) and gives a new one the next seq, and records are only ever removed all
   * at once. Sorting 50,000 records on every page of a list was most of what a page cost.
   */
  list(tenantId: string, coll: Collection): Stored[] {
    return [...(this.tenant(tenantId)?.records[coll].values() ?? [])];
  }

  /** How many records of a collection the tenant holds (archived, deleted and purchase documents too). */
  count(tenantId: string, coll: Collection): number {
    return this.tenant(tenantId)?.records[coll].size ?? 0;
  }

  get(tenantId: string, coll: Collection, id: string): Stored | undefined {
    return this.tenant(tenantId)?.records[coll].get(id.toLowerCase());
  }

  /** Inserts or replaces a record (by its id field; a new id when it has none) and stamps it. */
  save(tenantId: string, coll: Collection, data: Json, updatedMs = this.stamp()): Stored {
    const t = this.tenant(tenantId);
    if (!t) throw new Error(`unknown tenant ${tenantId}`);
    const idField = ID_FIELD[coll];
    const id = (typeof data[idField] === 'string' && data[idField] !== '' ? (data[idField] as string) : newId()).toLowerCase();
    data[idField] = id;
    const existing = t.records[coll].get(id);
    this.version++;
    const stored: Stored = { id, seq: existing?.seq ?? ++this.seq, updatedMs, data };
    t.records[coll].set(id, stored);
    return stored;
  }

  /** The record as the GET endpoints return it: a fresh copy, which the caller may change. */
  render(s: Stored): Json {
    return { ...this.rendered(s) };
  }

  /**
   * The same rendering, built once per Stored: list requests read it for every record on every page. Shared, so
   * frozen (a caller that changes it throws). A write must go through save(), which makes a new Stored, so the
   * cached rendering never goes stale.
   */
  rendered(s: Stored): Readonly<Json> {
    let json = this.renderings.get(s);
    if (!json) {
      json = Object.freeze({ ...s.data, UpdatedDateUTC: msDate(s.updatedMs) });
      this.renderings.set(s, json);
    }
    return json;
  }

  /** Loads records in GET shapes; 'replace' empties each supplied collection first. */
  seed(tenantId: string, data: SeedData, mode: 'replace' | 'merge'): void {
    const t = this.tenant(tenantId);
    if (!t) throw new Error(`unknown tenant ${tenantId}`);
    for (const coll of COLLECTIONS) {
      const items = data[coll];
      if (!items) continue;
      if (mode === 'replace') t.records[coll].clear();
      this.version++;
      for (const raw of items) this.save(t.tenantId, coll, normalise(coll, raw), parseAnyDate(raw.UpdatedDateUTC) ?? this.stamp());
    }
  }

  private seedTenants(): void {
    for (const cfg of this.tenantConfigs) this.addTenant(cfg);
  }
}
