import type { Database } from './database.js';

/** The triggers that keep a table append-only: no row changed or deleted, the table never truncated. */
const appendOnly = (table: string, fn: string): string => `CREATE TRIGGER ${table}_no_update_delete BEFORE UPDATE OR DELETE ON ${table}
  FOR EACH ROW EXECUTE FUNCTION ${fn}();
CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
  FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();`;

/**
 * The schema, as numbered migrations applied in order, each in a transaction and recorded in
 * `bihuan_migrations`. Written for PostgreSQL 15 and PGlite (PostgreSQL 18) alike.
 */
export const MIGRATIONS: readonly { readonly id: number; readonly name: string; readonly sql: string }[] = [
  {
    id: 1,
    name: 'items, events, mutations, change feed',
    sql: `
-- Every item of every loop: its current snapshot, version (= history length) and scope.
CREATE TABLE items (
  collection   text        NOT NULL,
  id           text        NOT NULL,
  loop_id      text        NOT NULL,
  loop_version integer     NOT NULL,
  version      integer     NOT NULL CHECK (version >= 1),
  state        text        NOT NULL,
  snapshot     jsonb       NOT NULL,
  city         text        NOT NULL,
  county       text,
  town         text,
  community    text,
  change_seq   bigint      NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collection, id)
);
-- Pulls: changed since a cursor within a scope. Ledgers: by collection, state and area.
CREATE INDEX items_scope_change ON items (city, county, town, community, change_seq);
CREATE INDEX items_change ON items (change_seq);
CREATE INDEX items_ledger ON items (collection, state, county, town);

-- The append-only log: one row per accepted event (version 1 is the creation).
CREATE TABLE events (
  seq          bigserial   PRIMARY KEY,
  collection   text        NOT NULL,
  item_id      text        NOT NULL,
  version      integer     NOT NULL,
  type         text        NOT NULL,
  from_state   text,
  to_state     text        NOT NULL,
  actor        jsonb       NOT NULL,
  at           text        NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  client_id    text,
  mutation_id  bigint,
  note         text,
  attachments  jsonb,
  payload      jsonb,
  UNIQUE (collection, item_id, version)
);

CREATE FUNCTION bihuan_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'bihuan: events are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
${appendOnly('events', 'bihuan_events_append_only')}

-- Exactly once: each client's last mutation id, and every processed mutation's result.
CREATE TABLE clients (
  client_id        text   PRIMARY KEY,
  owner            text   NOT NULL,
  last_mutation_id bigint NOT NULL DEFAULT 0
);
CREATE TABLE mutations (
  client_id   text        NOT NULL,
  mutation_id bigint      NOT NULL,
  result      jsonb       NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, mutation_id)
);

-- The change feed. The head row is locked by each writing transaction until it commits, so
-- cursors are handed out in commit order: a pull never skips a change committed later.
CREATE TABLE feed_head (one boolean PRIMARY KEY DEFAULT true CHECK (one), cursor bigint NOT NULL);
INSERT INTO feed_head (cursor) VALUES (0);
CREATE TABLE changes (
  cursor     bigint PRIMARY KEY,
  collection text   NOT NULL,
  item_id    text   NOT NULL,
  version    integer NOT NULL,
  city       text   NOT NULL,
  county     text,
  town       text,
  community  text
);
`,
  },
  {
    id: 2,
    name: 'ledger and roll-up columns',
    sql: `
-- What the ledgers and roll-ups filter and group by, filled on every write from the snapshot
-- (see rollups.ts: dimensionsOf). Times are the events' own moments ("at"), not arrival.
ALTER TABLE items
  ADD COLUMN opened_at   timestamptz,  -- the creation event's moment (a dispute's acceptance)
  ADD COLUMN last_at     timestamptz,  -- the last event's moment: after it the item stood as stored
  ADD COLUMN deadline_at timestamptz,  -- the current stage's deadline (the engine's overdue), if any
  ADD COLUMN area_town   text,         -- disputes: the town the dispute is in (data.town)
  ADD COLUMN outcome     text,         -- disputes: settled, referred … (data.outcome.kind)
  ADD COLUMN officer     text,         -- task orders: the officer it is assigned to now
  ADD COLUMN station     text,         -- task orders: the police station (never changes)
  ADD COLUMN unit_county text,         -- task orders: the county of the station (never changes)
  ADD COLUMN category    text,         -- task orders: the template's category
  ADD COLUMN month       text,         -- task orders: the month dispatched for, YYYY-MM
  ADD COLUMN due_at      timestamptz,  -- task orders: the due moment
  ADD COLUMN flags       smallint;     -- task orders: 1 done late, 2 taken out after it fell due, else 0

-- Items stored before this migration: the same columns from their snapshots.
UPDATE items SET
  opened_at = (snapshot->'history'->0->>'at')::timestamptz,
  last_at = (snapshot->'history'->-1->>'at')::timestamptz,
  deadline_at = (snapshot->>'deadline')::timestamptz;
UPDATE items SET area_town = snapshot->'data'->>'town', outcome = snapshot->'data'->'outcome'->>'kind' WHERE loop_id = 'dispute';
UPDATE items SET
  officer = snapshot->'data'->>'officer',
  station = snapshot->'data'->>'station',
  unit_county = snapshot->'data'->>'county',
  category = snapshot->'data'->'template'->>'category',
  month = snapshot->'data'->>'month',
  due_at = (snapshot->'data'->>'due')::timestamptz,
  flags = CASE
    WHEN state IN ('fedBack', 'verified') AND (snapshot->'data'->'feedback'->>'at')::timestamptz >= (snapshot->'data'->>'due')::timestamptz THEN 1
    WHEN state IN ('exempt', 'cancelled') AND last_at >= (snapshot->'data'->>'due')::timestamptz THEN 2
    ELSE 0 END
  WHERE loop_id = 'task-order';

-- Roll-ups: one loop's items in an area, changed after a moment (the few read from their events).
CREATE INDEX items_loop_scope ON items (loop_id, city, county, town);
CREATE INDEX items_loop_last ON items (loop_id, last_at);
-- The dispute ledger: by town and acceptance moment.
CREATE INDEX items_ledger_opened ON items (loop_id, city, area_town, opened_at);
`,
  },
  {
    id: 3,
    name: 'items keep the JSON text of their snapshot, clear and masked, for pulls',
    sql: `
-- What a pull sends, written once with the snapshot instead of computed per row on every pull:
-- snapshot_text is the snapshot's compact JSON text (the same value as the jsonb column),
-- snapshot_masked the same with personal data masked by core (NULL when masking changes nothing).
ALTER TABLE items ADD COLUMN snapshot_text text, ADD COLUMN snapshot_masked text;

-- A writer that changes the snapshot without its text (direct SQL, an older server) clears the
-- text, so a pull never sends a stale snapshot: it computes that row's JSON itself instead.
CREATE FUNCTION bihuan_items_snapshot_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.snapshot IS DISTINCT FROM OLD.snapshot AND NEW.snapshot_text IS NOT DISTINCT FROM OLD.snapshot_text THEN
    NEW.snapshot_text := NULL;
    NEW.snapshot_masked := NULL;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER items_snapshot_text BEFORE UPDATE ON items
  FOR EACH ROW EXECUTE FUNCTION bihuan_items_snapshot_text();
`,
  },
  {
    id: 4,
    name: 'change notices for live clients',
    sql: `
-- Tells listening API processes (LISTEN bihuan_changes) that the change feed moved: one notice per
-- writing transaction, sent at commit. The notice carries nothing; each process reads the feed.
CREATE FUNCTION bihuan_changes_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('bihuan_changes', '');
  RETURN NULL;
END;
$$;
CREATE TRIGGER changes_notify AFTER INSERT ON changes
  FOR EACH STATEMENT EXECUTE FUNCTION bihuan_changes_notify();
`,
  },
  {
    id: 5,
    name: 'attachments: records with their bytes (bytea), never changed',
    sql: `
-- An item's files (attachments.ts): the record and its bytes in one row, so that neither exists
-- without the other. The database checks what the server checked: the size, the hash of the bytes,
-- one copy of a file per item. Rows are never updated or deleted (the item's history names them).
CREATE TABLE attachments (
  id          text        PRIMARY KEY,
  collection  text        NOT NULL,
  item_id     text        NOT NULL,
  type        text        NOT NULL CHECK (type IN ('photo', 'agreementScan', 'notice', 'other')),
  name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  media_type  text        NOT NULL,
  size        integer     NOT NULL CHECK (size BETWEEN 1 AND 20971520),
  sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  added_by    jsonb       NOT NULL,
  added_at    text        NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  bytes       bytea       NOT NULL,
  FOREIGN KEY (collection, item_id) REFERENCES items (collection, id),
  UNIQUE (collection, item_id, sha256),
  CHECK (octet_length(bytes) = size),
  CHECK (encode(sha256(bytes), 'hex') = sha256)
);

CREATE FUNCTION bihuan_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'bihuan: % is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
${appendOnly('attachments', 'bihuan_append_only')}
`,
  },
  {
    id: 6,
    name: 'attachment audit lines',
    sql: `
-- Who stored or fetched which file of which item, and when: one line per upload and per download,
-- never changed.
CREATE TABLE attachment_audit (
  seq           bigserial   PRIMARY KEY,
  attachment_id text        NOT NULL REFERENCES attachments (id),
  collection    text        NOT NULL,
  item_id       text        NOT NULL,
  action        text        NOT NULL CHECK (action IN ('upload', 'download')),
  actor         jsonb       NOT NULL,
  at            timestamptz NOT NULL DEFAULT now(),
  sha256        text        NOT NULL,
  size          integer     NOT NULL
);
CREATE INDEX attachment_audit_item ON attachment_audit (collection, item_id, seq);
${appendOnly('attachment_audit', 'bihuan_append_only')}
`,
  },
  {
    id: 7,
    name: 'attachment withdrawals',
    sql: `
-- A file added in error is withdrawn, not deleted: one row saying who, when and why; the record
-- and its bytes stay (the audit trail names them) but are no longer listed or served. Rows are
-- never changed. A withdrawn file's bytes may be attached to the item again (under a new id), so
-- "one copy of a file per item" now counts live files only: the server checks it under the item's
-- row lock, and the unique constraint of migration 5 gives way to a plain index.
CREATE TABLE attachment_withdrawals (
  attachment_id text        PRIMARY KEY REFERENCES attachments (id),
  collection    text        NOT NULL,
  item_id       text        NOT NULL,
  actor         jsonb       NOT NULL,
  reason        text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  at            text        NOT NULL,
  received_at   timestamptz NOT NULL DEFAULT now()
);
${appendOnly('attachment_withdrawals', 'bihuan_append_only')}
ALTER TABLE attachments DROP CONSTRAINT attachments_collection_item_id_sha256_key;
CREATE INDEX attachments_item ON attachments (collection, item_id, sha256);
ALTER TABLE attachment_audit DROP CONSTRAINT attachment_audit_action_check;
ALTER TABLE attachment_audit ADD CONSTRAINT attachment_audit_action_check CHECK (action IN ('upload', 'download', 'withdraw'));
`,
  },
  {
    id: 8,
    name: 'attachments: a type for a person\'s papers (idDocument)',
    sql: `
-- A photo or scan of a person's papers (an ID card, a household register) has a type of its own,
-- so that core's rule withholds its bytes from roles that may not see personal data.
ALTER TABLE attachments DROP CONSTRAINT attachments_type_check;
ALTER TABLE attachments ADD CONSTRAINT attachments_type_check CHECK (type IN ('photo', 'idDocument', 'agreementScan', 'notice', 'other'));
`,
  },
  {
    id: 9,
    name: 'attachment records in the change feed',
    sql: `
-- An upload or a withdrawal is a change like an item's: it takes the next cursor from feed_head and
-- writes a change row naming the file (attachment_id; version is the item's at that moment), so a
-- pull carries the file's record and live clients are told (migration 4's trigger). Item changes
-- leave attachment_id NULL.
ALTER TABLE changes ADD COLUMN attachment_id text;
-- Pulls read the file changes after a cursor within a scope; items have their own index.
CREATE INDEX changes_files ON changes (city, county, town, community, cursor) WHERE attachment_id IS NOT NULL;
-- Files stored before this migration: one change each, withdrawn or not, so the next pull of every
-- device brings them.
WITH files AS (
  SELECT a.id, a.collection, a.item_id, i.version, i.city, i.county, i.town, i.community, row_number() OVER (ORDER BY a.received_at, a.id) AS n
  FROM attachments a JOIN items i ON i.collection = a.collection AND i.id = a.item_id
), head AS (
  UPDATE feed_head SET cursor = cursor + (SELECT count(*) FROM files) RETURNING cursor
)
INSERT INTO changes (cursor, collection, item_id, version, city, county, town, community, attachment_id)
SELECT head.cursor - (SELECT count(*) FROM files) + files.n, files.collection, files.item_id, files.version, files.city, files.county, files.town, files.community, files.id
FROM files, head;
`,
  },
];

/** Applies the migrations not yet recorded, in order; safe to run from several processes at once. */
export async function migrate(db: Database): Promise<number[]> {
  await db.query('CREATE TABLE IF NOT EXISTS bihuan_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      // One process migrates; the others wait here and then find the migration recorded.
      await tx.query('LOCK TABLE bihuan_migrations IN EXCLUSIVE MODE');
      const seen = await tx.query('SELECT 1 FROM bihuan_migrations WHERE id = $1', [m.id]);
      if (seen.length) return false;
      await tx.script(m.sql);
      await tx.query('INSERT INTO bihuan_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      return true;
    });
    if (done) applied.push(m.id);
  }
  return applied;
}
