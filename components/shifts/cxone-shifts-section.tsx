import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { CxoneProfileOffer } from "@/lib/types/cxone";
import { CxoneScheduleCompare } from "./cxone-schedule-compare";
import { CxoneTemplatePush } from "./cxone-template-push";

/** The Shifts page's CXone cards: the template push, and the comparison where the profile can export. */
export function CxoneShiftsSection({ offer, sites }: { offer: CxoneProfileOffer; sites: { id: string; name: string; timeZone: string }[] }) {
  const profile = offer.profile === "platform" ? "NICE platform" : offer.profile === "seed" ? "WFM API (seed contract)" : "no connection";
  return (
    <div className="mt-6 grid gap-6 xl:grid-cols-2">
      <Card>
        <CardHeader title="CXone import template" description={`Our shifts as the file CXone's scheduling screen imports. Connected profile: ${profile}.`} />
        <CardBody>
          <CxoneTemplatePush sites={sites} push={offer.features.pushShifts} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Compare with CXone" description="What CXone has vs what we have, before anything is overwritten." />
        <CardBody>
          <CxoneScheduleCompare available={offer.features.scheduleCompare.available} reason={offer.features.scheduleCompare.reason} sites={sites} />
        </CardBody>
      </Card>
    </div>
  );
}
