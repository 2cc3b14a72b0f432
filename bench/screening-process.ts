/**
 * One screening process of the screening benchmark (bench/screening.ts): opens the bench
 * database, indexes the same generated watchlist, and screens its share of the travellers
 * (read from the database, rules and watchlist, nothing written) each time it is asked.
 */
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { createServices } from '../src/services.js';
import {
  generatedList,
  indexGeneratedList,
  screeningPass,
  type FromScreeningProcess,
  type ToScreeningProcess,
} from './screening.js';
import { collectGarbage } from './results.js';

const reply = (message: FromScreeningProcess) => process.send!(message);

let ready: Promise<() => Promise<{ seconds: number; found: number }>> | undefined;

process.on('message', (message: ToScreeningProcess) => {
  if (message.kind === 'setup') {
    ready = (async () => {
      const handle = await openDatabase({ databaseUrl: message.databaseUrl, maxConnections: 2 });
      const config = loadConfig({ LOG_LEVEL: 'silent', INSTALLATION_JURISDICTION: 'BA' }, {});
      const services = createServices(handle, config);
      await indexGeneratedList(services, generatedList(), message.watchlistId);
      const screening = services.targeting.screening;
      await screening.ruleSets();
      const pass = () => screeningPass(screening, message.travellerIds);
      await pass();
      collectGarbage();
      return pass;
    })();
    ready.then(
      () => reply({ kind: 'ready' }),
      (error: Error) => reply({ kind: 'failed', error: error.stack ?? String(error) }),
    );
  } else if (message.kind === 'pass') {
    void ready!
      .then((pass) => pass())
      .then(
        (result) => reply({ kind: 'passed', seconds: result.seconds, found: result.found }),
        (error: Error) => reply({ kind: 'failed', error: error.stack ?? String(error) }),
      );
  } else process.exit(0);
});
