import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { AccessService } from './access/service.js';
import { MessageService } from './messages/service.js';
import { paxlstHandler } from './passengers/paxlst-handler.js';
import { PassengerService } from './passengers/service.js';

/** Every service of the application, built once over one database. */
export interface Services {
  database: DatabaseHandle;
  access: AccessService;
  messages: MessageService;
  passengers: PassengerService;
}

export function createServices(database: DatabaseHandle, config: Config, now?: () => Date): Services {
  const access = new AccessService(database.db, {
    sessionTtlHours: config.SESSION_TTL_HOURS,
    installationJurisdiction: config.INSTALLATION_JURISDICTION,
    ...(now ? { now } : {}),
  });
  const messages = new MessageService(database.db);
  messages.register(paxlstHandler);
  const passengers = new PassengerService(database.db, access);
  return { database, access, messages, passengers };
}
