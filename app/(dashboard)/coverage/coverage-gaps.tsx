"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import type { GapTableRow } from "@/lib/types/coverage";
import { windowDays } from "@/lib/domain/coverage/labels";
import { GapTable } from "@/components/coverage/gap-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { GapThresholds } from "@/lib/domain/gaps";
import { unpackGaps, type PackedGaps } from "./compact-series";

/** The gap table, streamed in after the charts; a row opens a chart spanning its window. */
export function CoverageGaps({
  gaps: packed,
  timeZone,
  from,
  to,
  thresholds,
  noDemand,
}: {
  gaps: PackedGaps;
  timeZone: string;
  from: string;
  to: string;
  thresholds: GapThresholds;
  noDemand: string | null;
}) {
  const gaps = useMemo(() => unpackGaps(packed), [packed]);
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();

  /** Opens a chart spanning the whole window: every local day from its start to its end. */
  function openGap(g: GapTableRow) {
    const next = new URLSearchParams(params.toString());
    const span = windowDays(g.start, g.end, timeZone);
    next.set("day", span.day);
    if (span.through) next.set("through", span.through);
    else next.delete("through");
    next.set("skill", g.skillId);
    router.push(`${pathname}?${next.toString()}#day-detail`);
  }

  return (
    <Card className="mt-6">
      <CardHeader
        title="Gaps"
        description={`Runs of intervals at least ${thresholds.windowMinShortfall} agent short. HIGH when the window's coverage is below ${Math.round(thresholds.highBelow * 100)} %.`}
      />
      <CardBody>
        <GapTable gaps={gaps} timeZone={timeZone} fileName={`gaps-${from}-to-${to}.csv`} onOpen={openGap} noDemand={noDemand} />
      </CardBody>
    </Card>
  );
}
