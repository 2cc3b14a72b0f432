import { loadConfig, type Config, type ConfigInput } from '../config.js';
import type { Actor } from '../access/model.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrator.js';
import { createServices, type Services } from '../services.js';

export interface GlobalOptions {
  dataDir?: string;
  databaseUrl?: string;
}

export function configFrom(options: GlobalOptions, extra: ConfigInput = {}): Config {
  return loadConfig({
    ...(options.dataDir ? { DATA_DIR: options.dataDir } : {}),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...extra,
  });
}

/** Opens the database (migrating it) and runs `work` with the services, closing everything afterwards. */
export async function withServices<T>(config: Config, work: (services: Services) => Promise<T>): Promise<T> {
  const database = await openDatabase({
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
    dataDir: config.DATA_DIR,
  });
  try {
    await migrate(database);
    const services = createServices(database, config);
    await services.access.store.seedReferenceData();
    return await work(services);
  } finally {
    await database.close();
  }
}

/** The operator at the command line acts as an administrator of a unit of this installation. */
export async function operatorActor(services: Services, config: Config, unitCode?: string): Promise<Actor> {
  const units = await services.access.store.listUnits();
  const unit = unitCode
    ? units.find((u) => u.code.toUpperCase() === unitCode.toUpperCase())
    : (units.find((u) => u.jurisdictionCode === config.INSTALLATION_JURISDICTION && u.kind === 'PIU') ??
      units.find((u) => u.jurisdictionCode === config.INSTALLATION_JURISDICTION));
  if (!unit) throw new Error(unitCode ? `No unit with code ${unitCode}` : 'No unit in this installation');
  return {
    kind: 'user',
    id: '00000000-0000-0000-0000-000000000000',
    name: 'operator (command line)',
    roles: ['admin'],
    unitId: unit.id,
    jurisdictionCode: unit.jurisdictionCode,
  };
}
