"use client";

import { useState } from "react";
import type { CxoneConnectionView } from "@/lib/schemas/cxone-connection";
import type { CxoneProfileName } from "@/lib/types/cxone";
import { Badge } from "@/components/ui/badge";
import { CxoneCapabilityTest } from "./cxone-capability-test";
import { CxoneConnectionForm } from "./cxone-connection-form";
import { CxonePlatformForm } from "./cxone-platform-form";

/** Settings → CXone connection: choose the profile, fill its fields, test what works. */
export function CxoneConnectionSection({ initial, backend }: { initial: CxoneConnectionView; backend: "local" | "cxone" }) {
  const [profile, setProfile] = useState<CxoneProfileName>(initial.profile);
  const saved = initial.source !== "none" && (initial.profile === "platform" ? !!initial.platform?.hasAccessKeySecret : initial.hasSecret);
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="text-xs font-medium text-slate-600">Connection profile</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="radio" name="cxone-profile" checked={profile === "platform"} onChange={() => setProfile("platform")} /> NICE platform (documented APIs)
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="cxone-profile" checked={profile === "seed"} onChange={() => setProfile("seed")} /> WFM API (seed contract)
          </label>
          {initial.source !== "none" ? (
            <Badge tone="info">saved: {initial.profile === "platform" ? "NICE platform" : "WFM API (seed contract)"}</Badge>
          ) : null}
        </div>
        <p className="mt-1 text-xs text-slate-500">
          {profile === "platform"
            ? "Reads agents, skills, schedules and contact history; shifts go to CXone as its import template file (NICE documents no shift import API)."
            : "Imports shifts, reads coverage and runs optimization through the seed's WFM API; no agent, schedule or history reads."}
        </p>
      </fieldset>
      {profile === "platform" ? <CxonePlatformForm initial={initial.platform} /> : <CxoneConnectionForm initial={initial} backend={backend} />}
      <CxoneCapabilityTest initial={initial.lastCapabilityReport} canTest={saved} />
    </div>
  );
}
