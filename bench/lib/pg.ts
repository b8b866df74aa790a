import pg from "pg";

pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** One column of a bulk insert: its name and the SQL type of its array (`uuid`, `text`, `ltree`, …). */
export interface Column {
  name: string;
  type: string;
  /**
   * SQL that turns the unnested value (`ref`) into the column's value, when it travels in another
   * form: an array column (`text[]`; unnest flattens arrays of arrays) goes as text and is split here.
   */
  select?: (ref: string) => string;
}

/** A `text[]` column sent as one string per row, its items joined by `ARRAY_SEPARATOR` (U+001F). */
export const ARRAY_SEPARATOR = "\u001f";
export const textArrayColumn = (name: string): Column => ({ name, type: "text", select: (ref) => `string_to_array(${ref}, chr(31))` });

/** Rows per INSERT statement: each column travels as one array parameter, so this can be large. */
export const BATCH_ROWS = 5_000;

/** A single connection for the generator: no statement timeout, fast commits, big sort memory for index builds. */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, options: "-c TimeZone=Asia/Ho_Chi_Minh" });
  await client.connect();
  await client.query("SET synchronous_commit = off");
  await client.query("SET maintenance_work_mem = '512MB'");
  await client.query("SET work_mem = '64MB'");
  return client;
}

/**
 * Inserts column-major data with `INSERT … SELECT * FROM unnest($1::t1[], $2::t2[], …)` in batches of
 * BATCH_ROWS rows. `values[name]` holds one array per column, all of the same length.
 * Returns the rows of `returning` (in insert order) when asked.
 */
export async function insertColumns(
  client: pg.Client,
  table: string,
  columns: Column[],
  values: Record<string, unknown[]>,
  options: { returning?: string; batchRows?: number; onBatch?: (done: number, total: number) => void } = {},
): Promise<Record<string, unknown>[]> {
  const total = values[columns[0].name].length;
  for (const c of columns) {
    if (values[c.name]?.length !== total) throw new Error(`${table}.${c.name}: expected ${total} values, got ${values[c.name]?.length}`);
  }
  const names = columns.map((c) => c.name).join(", ");
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
  const select = columns.some((c) => c.select) ? columns.map((c) => (c.select ? c.select(`u.${c.name}`) : `u.${c.name}`)).join(", ") : "*";
  const text = `INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${arrays}) AS u(${names})${options.returning ? ` RETURNING ${options.returning}` : ""}`;
  const batch = options.batchRows ?? BATCH_ROWS;
  const out: Record<string, unknown>[] = [];
  for (let start = 0; start < total; start += batch) {
    const params = columns.map((c) => values[c.name].slice(start, start + batch));
    const result = await client.query(text, params);
    if (options.returning) out.push(...result.rows);
    options.onBatch?.(Math.min(start + batch, total), total);
  }
  return out;
}

/**
 * Drops the plain (non-constraint) indexes of `tables` and returns a function that recreates them
 * from their exact definitions (pg_get_indexdef), so a bulk load builds each index once at the end
 * instead of maintaining it row by row. Definitions come from the migrated database, never from here.
 */
export async function suspendIndexes(client: pg.Client, tables: string[]): Promise<() => Promise<void>> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1`,
    [tables],
  );
  for (const r of rows) await client.query(`DROP INDEX ${r.name}`);
  return async () => {
    for (const r of rows) {
      const started = Date.now();
      await client.query(r.def);
      log(`  index ${r.name} rebuilt in ${seconds(Date.now() - started)}`);
    }
  };
}

/**
 * Drops the primary keys, unique constraints and foreign keys of `tables` (and the foreign keys that
 * point at them) and returns a function that adds them back from their exact definitions
 * (pg_get_constraintdef): keys first, then foreign keys, which PostgreSQL validates in one pass each.
 * Call inside the loading transaction: a failed load rolls the drop back too.
 */
export async function suspendConstraints(client: pg.Client, tables: string[]): Promise<() => Promise<void>> {
  const { rows } = await client.query<{ name: string; tbl: string; type: string; def: string }>(
    `SELECT c.conname AS name, c.conrelid::regclass::text AS tbl, c.contype AS type, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c
      WHERE c.contype IN ('p', 'u', 'f') AND c.connamespace = 'public'::regnamespace
        AND (c.conrelid::regclass::text = ANY($1) OR (c.contype = 'f' AND c.confrelid::regclass::text = ANY($1)))
      ORDER BY c.contype = 'f' DESC, 1`,
    [tables],
  );
  for (const r of rows) await client.query(`ALTER TABLE ${r.tbl} DROP CONSTRAINT ${client.escapeIdentifier(r.name)}`);
  return async () => {
    for (const r of [...rows].reverse()) {
      const started = Date.now();
      await client.query(`ALTER TABLE ${r.tbl} ADD CONSTRAINT ${client.escapeIdentifier(r.name)} ${r.def}`);
      log(`  constraint ${r.name} restored in ${seconds(Date.now() - started)}`);
    }
  };
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export function log(message: string): void {
  console.log(message);
}

/** Progress printer for a long batch loop: prints at most every `everyMs`. */
export function progress(label: string, everyMs = 3_000): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done === total || now - last >= everyMs) {
      last = now;
      log(`  ${label}: ${done.toLocaleString("en")} / ${total.toLocaleString("en")}`);
    }
  };
}
