import type { Database } from './database.js';

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
CREATE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION bihuan_events_append_only();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION bihuan_events_append_only();

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
