import { compareScheduleSchema } from "../../services/cxone/compare-schedule";
import { JSON_BODY } from "../csrf";
import { defineOperation } from "./define";

export const compareCxoneSchedule = defineOperation({
  path: "/api/v1/cxone/schedule-comparison",
  method: "POST",
  tag: "CXone",
  summary: "Compare CXone's schedule with ours (streamed progress)",
  description:
    'Reads only. The answer is NDJSON (application/x-ndjson), one object a line: `{"type":"progress","done":n,"total":m}` after each CXone export request, then one `{"type":"result","result":…}` or `{"type":"error","problem":{type,title,status,detail,code,requestId,errors}}`: a failure after the stream started cannot change the status, so it is the problem the status would have carried.',
  input: compareScheduleSchema,
  inputExample: { startDate: "2026-11-23", endDate: "2026-11-29", siteId: "NYC" },
  accepts: JSON_BODY,
  response: {
    description: "NDJSON: progress lines, then the result or an error.",
    schema: undefined,
    contentType: "application/x-ndjson",
    example: '{"type":"progress","done":1,"total":2}\n{"type":"progress","done":2,"total":2}\n{"type":"result","result":{}}\n',
  },
});

