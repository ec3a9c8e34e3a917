// The baseline every HTTP benchmark is compared with: express.json and one route answering a small JSON,
// nothing else. Plain JavaScript run by node itself, as the app runs from dist/. PORT is given by the bench.
import express from "express";

const app = express();
app.use(express.json());
app.all("/bare", (_req, res) => {
  res.json({ ok: true });
});
app.listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("ready\n"));
