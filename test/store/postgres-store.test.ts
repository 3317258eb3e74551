import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { openPostgresStore, POSTGRES_SCHEMA_VERSION } from '../../src/store/index.js';
import { startThrowawayPostgres } from '../helpers/postgres.js';
import { runStoreSuite, storedArticle } from './store-suite.js';

const cluster = await startThrowawayPostgres();

if (!cluster) {
  it('postgres store', { skip: 'PostgreSQL not found' }, () => undefined);
} else {
  after(() => cluster.stop());
  runStoreSuite('postgres', async () => openPostgresStore(await cluster.freshDatabase()));
}
