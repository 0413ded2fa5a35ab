import { isEmpty, nextMonday, seedDemo, DEMO_PASSWORD, DEMO_USERS } from "@/lib/services/seed/demo";
import { seedDemoTrades } from "@/lib/services/seed/demo-trades";
import { openAppDatabase } from "./db";

const opened = await openAppDatabase();
try {
  if (!(await isEmpty(opened.db))) {
    console.log("The database already has data; the demo seed only runs on an empty one.");
  } else {
    const today = new Date().toISOString().slice(0, 10);
    const demo = await seedDemo(opened.db, { weekStart: nextMonday(today) });
    // Trades go through the real engine at the real clock, so supervisors find a real queue.
    const trades = await seedDemoTrades(opened.db, demo, Date.now());
    console.log(
      `Seeded the demo contact center: ${demo.sites.length} sites, ${demo.agents.length} agents, ${demo.shifts.length} shifts in the week of ${demo.weekStart}, ${demo.demand.length} demand intervals, ${trades.length} trade requests (${trades.filter((t) => t.status === "PendingReview").length} waiting for review).`,
    );
  }
  console.log("\nDemo users (password: " + DEMO_PASSWORD + "):");
  for (const u of DEMO_USERS) console.log(`  ${u.email.padEnd(28)} ${u.role}${u.siteIds.length ? ` (${u.siteIds.join(", ")})` : ""}`);
} finally {
  await opened.close();
}
