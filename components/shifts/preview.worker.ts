/// <reference lib="webworker" />
import { previewShiftFile, type PreviewMessage, type PreviewRequest } from "./preview";

// Parsing 100,000 rows takes a moment: off the main thread, the page stays responsive.
self.onmessage = (event: MessageEvent<PreviewRequest>) => {
  const post = (m: PreviewMessage) => (self as unknown as Worker).postMessage(m);
  const result = previewShiftFile(event.data, (rows) => post({ type: "progress", rows }));
  post({ type: "result", result });
};
