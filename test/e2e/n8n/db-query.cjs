// Read-only query against n8n's SQLite database, run with the Node 24 binary and NODE_PATH set to
// the n8n install (its sqlite3 was built for Node 24, so Node 20 cannot load it).
// usage: node db-query.cjs <database.sqlite> <sql> [json params]  → prints the rows as JSON
const sqlite3 = require('sqlite3');

const [file, sql, params = '[]'] = process.argv.slice(2);
const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (openError) => {
  if (openError) fail(openError);
  db.configure('busyTimeout', 5000);
  db.all(sql, JSON.parse(params), (queryError, rows) => {
    if (queryError) fail(queryError);
    process.stdout.write(JSON.stringify(rows));
    db.close();
  });
});

function fail(error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
