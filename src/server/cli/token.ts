/** `npm run token -- create|list|revoke`: the named admin tokens. */
import {
  type AdminTokenRecord,
  createAdminToken,
  listAdminTokens,
  revokeAdminToken,
  TOKEN_NAME,
} from '../services/admin-tokens.js';
import { runCommand, UsageError } from './command.js';

const USAGE = `Usage:
  npm run token -- create <name>   a new admin token, printed once (only its SHA-256 is kept)
  npm run token -- list            every token: name, creation, last use, revocation
  npm run token -- revoke <name>   refuses the token from now on, on every instance`;

await runCommand(USAGE, { creates: false }, async (store, { positionals: [command, name, ...rest], force }) => {
  if (force) throw new UsageError('--force is for backup and restore.');
  if (rest.length > 0) throw new UsageError(`Unexpected: ${rest.join(' ')}`);
  if (command === 'list') {
    if (name !== undefined) throw new UsageError('list takes no name.');
    await store.migrate();
    console.log(table(await listAdminTokens(store)));
    return;
  }
  if (command !== 'create' && command !== 'revoke') throw new UsageError(`Unknown command: ${command ?? '(none)'}`);
  if (name === undefined) throw new UsageError(`${command} needs the token's name.`);
  if (!TOKEN_NAME.test(name))
    throw new UsageError(`A token name has letters, digits, ".", "_", "-" or "@", at most 64: ${JSON.stringify(name)}`);
  await store.migrate();
  if (command === 'create') {
    const token = await createAdminToken(store, name);
    if (token === null) throw new UsageError(`The name ${name} is taken (names of revoked tokens are not reused).`);
    console.error(`Admin token "${name}" created. Copy it now: it is shown this once.`);
    console.log(token);
    return;
  }
  const outcome = await revokeAdminToken(store, name);
  if (outcome === 'unknown') throw new UsageError(`No admin token is named ${name}.`);
  console.log(outcome === 'revoked' ? `Admin token "${name}" revoked.` : `Admin token "${name}" was already revoked.`);
});

function table(tokens: AdminTokenRecord[]): string {
  const date = (at: string | null) => (at ? `${at.slice(0, 19).replace('T', ' ')} UTC` : '—');
  const rows = [
    ['name', 'created', 'last used', 'revoked'],
    ...tokens.map((token) => [token.name, date(token.createdAt), date(token.lastUsedAt), date(token.revokedAt)]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
