#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, for machines that cannot
// download it. It speaks the same command-line + JSON-RPC (stdio) protocol the
// Prisma CLI uses, and forwards every request to Prisma's own WebAssembly
// schema engine (@prisma/schema-engine-wasm) running over @prisma/adapter-pg.
//
// Use:  PRISMA_SCHEMA_ENGINE_BINARY=tools/schema-engine-wasm-shim.mjs npx prisma migrate dev
// Only PostgreSQL is supported (the Wasm engine also knows SQLite, not wired here).
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import readline from 'node:readline'

import { PrismaPg } from '@prisma/adapter-pg'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import pg from 'pg'

// ---------------------------------------------------------------- arguments
const argv = process.argv.slice(2)
const datamodelPaths = []
let datasource = null
let cliCommand = null
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]
  if (a === '--datamodels') datamodelPaths.push(argv[++i])
  else if (a === '--datasource') datasource = JSON.parse(argv[++i])
  else if (a === '--enabled-preview-features' || a === '--extension-types') i++
  else if (a === '--version' || a === '-V') cliCommand = 'version'
  else if (a === 'cli') cliCommand = argv[++i]
}

// -------------------------------------------------------------- logging
// The CLI reads stderr as JSON log lines and keeps the last ERROR for messages.
function log(level, message, extra = {}) {
  process.stderr.write(
    JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: 'schema_engine::logger' }) + '\n',
  )
}

// ------------------------------------------------------------- URL helpers
/** Splits Prisma's `?schema=` parameter off a PostgreSQL URL (node-postgres does not know it). */
function splitUrl(url) {
  const u = new URL(url)
  const schema = u.searchParams.get('schema') ?? undefined
  u.searchParams.delete('schema')
  return { connectionString: u.toString(), schema, database: decodeURIComponent(u.pathname.slice(1)) || 'postgres' }
}
function withDatabase(connectionString, database) {
  const u = new URL(connectionString)
  u.pathname = '/' + encodeURIComponent(database)
  return u.toString()
}
const quoteIdent = (s) => '"' + String(s).replaceAll('"', '""') + '"'

/** Runs statements on a maintenance connection (the `postgres` database, else `template1`). */
async function admin(connectionString, ...sql) {
  let lastErr
  for (const db of ['postgres', 'template1']) {
    const client = new pg.Client({ connectionString: withDatabase(connectionString, db) })
    try {
      await client.connect()
    } catch (e) {
      lastErr = e
      await client.end().catch(() => {})
      continue
    }
    try {
      for (const s of sql) await client.query(s)
      return
    } finally {
      await client.end()
    }
  }
  throw lastErr
}

function urlRequired() {
  if (!datasource?.url) {
    log('ERROR', 'The schema engine shim needs `datasource.url` in prisma.config.ts', { error_code: 'P1012' })
    process.exit(1)
  }
  return datasource.url
}

// ------------------------------------------------------- catalog types
// The schema engine reads PostgreSQL catalogs. @prisma/adapter-pg 7.10.x rejects the
// catalog type "char" (OID 18) with `Column type 'char' could not be deserialized`
// (prisma/orm#27403 was the same for `name`). node-postgres has already decoded such
// values as strings, so we relabel them as `text` before the adapter sees them.
const OID_AS_TEXT = new Set([18 /* "char" */, 19 /* name */])
function relabel(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const f of r?.fields ?? []) if (OID_AS_TEXT.has(f.dataTypeID)) f.dataTypeID = 25
  }
  return result
}
class CatalogFriendlyClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === 'function') [callback, values] = [values, undefined]
    if (typeof callback === 'function') return super.query(config, values, (err, res) => callback(err, err ? res : relabel(res)))
    const r = super.query(config, values)
    return typeof r?.then === 'function' ? r.then(relabel) : r
  }
}
/**
 * A driver adapter over our own pg.Pool (closed by the adapter's dispose()).
 * @prisma/adapter-pg 7.10.x runs migration scripts by splitting them on ";" and sending
 * each piece separately: that breaks `$$ ... ; ... $$` function bodies and string
 * literals holding ";", and leaves a failed migration half-applied. Like the native
 * engine, we send the whole script as one simple-protocol query instead, which
 * PostgreSQL runs as a single implicit transaction.
 */
function pgAdapter(connectionString, schema) {
  // `?schema=` must also become the search_path, as with the native engine, so that
  // unqualified names in migration scripts land in that schema.
  const pool = new pg.Pool({
    connectionString,
    Client: CatalogFriendlyClient,
    ...(schema ? { options: `-c search_path=${quoteIdent(schema)}` } : {}),
  })
  const factory = new PrismaPg(pool, { ...(schema ? { schema } : {}), disposeExternalPool: true })
  return {
    async connect() {
      const adapter = await factory.connect()
      adapter.executeScript = async (script) => {
        try {
          await pool.query(script)
        } catch (e) {
          if (typeof adapter.onError === 'function') adapter.onError(e) // -> DriverAdapterError
          throw e
        }
      }
      return adapter
    },
  }
}

// ---------------------------------------------------- adapter factory
// @prisma/adapter-pg's own connectToShadowDb() cannot be used: with a connectionString
// config it reconnects to the *main* database (pg lets connectionString override
// `database`), and it drops the shadow database before closing its pool.
function adapterFactory(url, shadowDatabaseUrl) {
  const main = splitUrl(url)
  const factory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => pgAdapter(main.connectionString, main.schema).connect(),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        // A dedicated shadow database: empty its schema first, as the native engine does.
        const shadow = splitUrl(shadowDatabaseUrl)
        const schema = shadow.schema ?? 'public'
        const client = new pg.Client({ connectionString: shadow.connectionString })
        await client.connect()
        try {
          await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`)
          await client.query(`CREATE SCHEMA ${quoteIdent(schema)}`)
        } finally {
          await client.end()
        }
        return pgAdapter(shadow.connectionString, shadow.schema).connect()
      }
      // A temporary database, created and dropped around the operation (needs CREATEDB).
      const name = `prisma_migrate_shadow_db_${randomUUID()}`
      await admin(main.connectionString, `CREATE DATABASE ${quoteIdent(name)}`)
      const adapter = await pgAdapter(withDatabase(main.connectionString, name), main.schema).connect()
      const dispose = adapter.dispose.bind(adapter)
      adapter.dispose = async () => {
        await dispose() // close the pool first, then drop the database
        await admin(main.connectionString, `DROP DATABASE IF EXISTS ${quoteIdent(name)}`)
      }
      return adapter
    },
  }
  return bindMigrationAwareSqlAdapterFactory(factory)
}

// ------------------------------------------------------- `cli` sub-commands
function pgErrorToPrisma(e, url) {
  const { database } = splitUrl(url)
  const u = new URL(url)
  const where = `${u.hostname}:${u.port || 5432}`
  if (e.code === '3D000') return { error_code: 'P1003', message: `Database \`${database}\` does not exist on the database server at \`${where}\`.` }
  if (e.code === '28P01' || e.code === '28000') return { error_code: 'P1000', message: `Authentication failed against database server at \`${where}\`.` }
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'ETIMEDOUT') return { error_code: 'P1001', message: `Can't reach database server at \`${where}\`.` }
  return { error_code: 'P1000', message: String(e.message ?? e) }
}

async function runCliCommand(cmd) {
  // The CLI drops the first stderr line (the native engine's start-up banner).
  log('INFO', 'Starting schema engine CLI (Wasm shim)')
  const url = urlRequired()
  const { connectionString, database } = splitUrl(url)
  try {
    if (cmd === 'can-connect-to-database') {
      const c = new pg.Client({ connectionString })
      try {
        await c.connect()
      } finally {
        await c.end().catch(() => {})
      }
    } else if (cmd === 'create-database') {
      await admin(connectionString, `CREATE DATABASE ${quoteIdent(database)}`)
      log('INFO', `Database '${database}' was successfully created.`)
    } else if (cmd === 'drop-database') {
      await admin(connectionString, `DROP DATABASE ${quoteIdent(database)}`)
      log('INFO', 'The database was successfully dropped.')
    } else {
      log('ERROR', `Unknown cli command: ${cmd}`)
      process.exit(1)
    }
    process.exit(0)
  } catch (e) {
    const { error_code, message } = pgErrorToPrisma(e, url)
    log('ERROR', message, { error_code })
    process.exit(1)
  }
}

// ------------------------------------------------------------- Wasm engine
let panicMessage = null
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (m) => (panicMessage = `RuntimeError: ${m}`) }

async function loadWasmEngine() {
  const bgUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
  const runtime = await import(bgUrl)
  const bytes = await fs.readFile(new URL('./schema_engine_bg.wasm', bgUrl))
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { './schema_engine_bg.js': runtime })
  runtime.__wbg_set_wasm(instance.exports)
  instance.exports.__wbindgen_start()
  return runtime
}

// JSON-RPC method name -> Wasm engine method name (all others are identical).
const METHOD_ALIASES = { getDatabaseVersion: 'version' }
const SUPPORTED = new Set([
  'applyMigrations', 'createMigration', 'dbExecute', 'debugPanic', 'devDiagnostic', 'diagnoseMigrationHistory',
  'diff', 'ensureConnectionValidity', 'evaluateDataLoss', 'introspect', 'introspectSql', 'markMigrationApplied',
  'markMigrationRolledBack', 'reset', 'schemaPush', 'version',
])

async function serveRpc() {
  const runtime = await loadWasmEngine()
  let enginePromise = null
  const engine = () =>
    (enginePromise ??= (async () => {
      const datamodels = []
      for (const p of datamodelPaths) datamodels.push([p, await fs.readFile(p, 'utf8')])
      const factory = adapterFactory(urlRequired(), datasource?.shadowDatabaseUrl)
      return runtime.SchemaEngine.new(
        { datamodels: datamodels.length ? datamodels : undefined },
        (line) => process.stderr.write(line + '\n'),
        factory,
      )
    })())

  const send = (msg) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...msg }) + '\n')

  async function handle(line) {
    let req
    try {
      req = JSON.parse(line)
    } catch {
      return
    }
    if (!req.method) return // a response to one of our requests (we send none)
    const method = METHOD_ALIASES[req.method] ?? req.method
    if (!SUPPORTED.has(method)) {
      send({ id: req.id, error: { code: -32601, message: `Method not supported by the Wasm schema engine shim: ${req.method}` } })
      return
    }
    try {
      const e = await engine()
      if (method === 'evaluateDataLoss' || method === 'createMigration') {
        // Unlike their native counterparts, these two Wasm methods get no shadow-database
        // factory: they only work when the schema of the migration history is already in
        // the engine's cache. `migrate dev` fills that cache in devDiagnostic, but only for
        // the migrations applied at that time, so a pending migration applied just before
        // (e.g. one made with --create-only) fails with "PostgreSQL shadow DB must be
        // provided through an external factory". Diagnosing the history again, now that
        // everything is applied, replays it on a shadow database and fills the cache.
        await e.diagnoseMigrationHistory({
          migrationsList: req.params.migrationsList,
          optInToShadowDatabase: true,
          filters: req.params.filters ?? { externalTables: [], externalEnums: [] },
        })
      }
      const result = await e[method](req.params ?? {})
      if (method === 'diff' && typeof result?.stdout === 'string') {
        // The native engine prints the diff through a `print` request to the CLI.
        send({ id: `print-${req.id}`, method: 'print', params: { content: result.stdout.replace(/\n$/, '') } })
        result.stdout = null
      }
      send({ id: req.id, result: result === undefined ? null : result })
    } catch (err) {
      const isPanic = panicMessage !== null || err instanceof WebAssembly.RuntimeError
      const message = isPanic ? (panicMessage ?? String(err)) : String(err?.message ?? err)
      send({
        id: req.id,
        error: {
          code: 4466,
          message: 'An error happened. Check the data field for details.',
          data: { is_panic: isPanic, message, error_code: err?.code, meta: err?.meta },
        },
      })
      if (isPanic) {
        log('ERROR', message)
        process.exit(101)
      }
    }
  }

  let chain = Promise.resolve()
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
  rl.on('line', (line) => (chain = chain.then(() => handle(line))))
  rl.on('close', () => chain.then(() => process.exit(0)))
}

// ------------------------------------------------------------------ main
if (cliCommand === 'version') {
  const runtime = await loadWasmEngine()
  process.stdout.write(`schema-engine-cli ${runtime.version()} (@prisma/schema-engine-wasm shim)\n`)
  process.exit(0)
} else if (cliCommand) {
  await runCliCommand(cliCommand)
} else {
  await serveRpc()
}
