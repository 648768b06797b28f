// A minimal custom handler for DevHost's process tests: answers GET / (readiness), reports its environment on
// GET /api/env (forwarded by DevHost), dies on GET /api/crash, and writes to stdout and stderr so the tests see them in DevHost's log.
const http = require('http');
const port = Number(process.env.FUNCTIONS_CUSTOMHANDLER_PORT);
const server = http.createServer((req, res) => {
  if (req.url === '/api/crash') {
    process.exit(7);
  }
  if (req.url === '/api/env') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ env: process.env, cwd: process.cwd(), argv: process.argv.slice(2) }));
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end('{"Outputs":{},"Logs":[],"ReturnValue":null}');
});
server.listen(port, '127.0.0.1', () => {
  console.log(`fake-node-handler listening on ${port}`);
  console.error('fake-node-handler stderr line');
});
