import { openAppDatabase } from "./db";

// Opening migrates: the same code path the dashboard takes on start.
const opened = await openAppDatabase();
console.log(`Migrated the ${opened.driver === "pglite" ? "embedded" : "Postgres"} database.`);
await opened.close();
