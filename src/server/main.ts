import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from './config.js';
import { startServer } from './start.js';

/** `npm start`: the reference server with the settings of the environment. */
const config = loadConfig();
const server = await startServer(config).catch((error: unknown) => {
  console.error(`Parvis could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const lines = [
  `Parvis is listening on ${server.url}`,
  `  Demo page        ${server.url}/`,
  `  Widgets bundle   ${server.url}/parvis.js`,
  `  API              ${server.url}/v1`,
  `  OpenAPI          ${server.url}/v1/openapi.json`,
  `  Admin token      ${server.adminToken}`,
];
if (server.seeded) lines.push(`  Seed loaded from ${server.seeded}`);
if (!existsSync(join(config.widgetsDir, 'parvis.js')))
  lines.push('  The widgets are not built yet: run `npm run build:widgets`.');
console.log(lines.join('\n'));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: finishing the requests in flight, then closing the database.`);
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
