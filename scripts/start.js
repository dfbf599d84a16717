// `npm start`: build what is missing or out of date, then run the reference server.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

const sources = newestIn(join(root, 'src'));
const outputs = [
  join(root, 'dist/widgets/parvis.js'),
  join(root, 'dist/admin/index.html'),
  join(root, 'dist/docs/index.html'),
  join(root, 'dist/node/server/main.js'),
];
if (outputs.some((output) => mtime(output) < sources)) {
  console.log('Building Parvis…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await import(join(root, 'dist/node/server/main.js'));
