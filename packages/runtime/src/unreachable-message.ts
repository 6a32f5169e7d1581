/** Hides the password of a connection URL before it is printed. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

const howToStart = {
  PostgreSQL: 'start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` (or `docker compose up -d`), or set DATABASE_URL',
  Redis: 'start it with `redis-server --daemonize yes --port 6379 --save ""` (or `docker compose up -d`), or set REDIS_URL',
} as const;

/** The one line printed when a dependency can't be reached at start-up: what, where, how to fix. */
export function unreachableMessage(what: keyof typeof howToStart, url: string, reason: string): string {
  return `cannot reach ${what} at ${redactUrl(url)} (${reason}): ${howToStart[what]}`;
}

/** The one line printed when PostgreSQL answers but the database in the URL has not been created yet. */
export function missingDatabaseMessage(url: string): string {
  return `no database at ${redactUrl(url)}: create and migrate it with \`npm run db:migrate\` (\`npm start\` does it too), or set DATABASE_URL`;
}

/** The one line printed when the database exists but its tables have not been created yet. */
export function unmigratedDatabaseMessage(url: string): string {
  return `the database at ${redactUrl(url)} has no tables yet: migrate it with \`npm run db:migrate\` (\`npm start\` does it too)`;
}
