// Baseline for the read benchmark: a bare Express + pg server, in its own process, answering each read with
// the one SQL query it needs (no auth, no validation, no ORM). Prints "listening <port>" when ready.
import express from 'express';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = express();

app.get('/v1/cases/:id', async (req, res) => {
  const { rows } = await pool.query(
    `SELECT c.*, cu.name AS customer_name, cu.tier FROM cases c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = $1`,
    [req.params.id],
  );
  if (!rows[0]) return void res.status(404).json({ error: 'not found' });
  res.json(rows[0]);
});

app.get('/v1/cases/:id/timeline', async (req, res) => {
  const { rows } = await pool.query(
    'SELECT seq, at, type, actor, data FROM case_events WHERE case_id = $1 ORDER BY seq',
    [req.params.id],
  );
  res.json({ events: rows });
});

app.get('/v1/cases', async (_req, res) => {
  const { rows } = await pool.query(
    `SELECT * FROM cases WHERE status = 'open' ORDER BY opened_at DESC, id DESC LIMIT 50`,
  );
  res.json({ cases: rows });
});

const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
