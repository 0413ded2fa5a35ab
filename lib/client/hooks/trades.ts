"use client";

import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { decideTradeAction } from "@/lib/actions/trades/decide-trade";
import type { BulkTradeFiled } from "@/lib/types/trades";
import type { QueueItem, RateAlert } from "@/lib/types/trades";
import { actionData, fetchJson, postCsv } from "../fetch-json";
import { queueFromWire, type WireReviewQueue } from "../wire";

/** The review queue as the page draws it (GET /api/v1/trades/queue answers ISO instants; turned back to ms here). */
export interface ReviewQueueData {
  items: QueueItem[];
  alerts: RateAlert[];
}

export const tradeKeys = {
  queue: ["trade-queue"] as const,
};

/** The supervisor's review queue, refreshed every 15 s so two supervisors see each other's decisions. */
export function useReviewQueue(initial: ReviewQueueData) {
  return useQuery({
    queryKey: tradeKeys.queue,
    queryFn: async (): Promise<ReviewQueueData> => queueFromWire(await fetchJson<WireReviewQueue>("/api/v1/trades/queue")),
    initialData: initial,
    refetchInterval: 15_000,
  });
}

export interface TradeDecision {
  tradeId: string;
  siteId: string;
  decision: "approve" | "reject";
  comment?: string;
}

type DecisionResult = NonNullable<Awaited<ReturnType<typeof decideTradeAction>>["data"]>;

/**
 * Approve or reject one site's part of a pending trade. The card hears the outcome first,
 * then the queue refreshes (a decided trade leaves it).
 */
export function useDecideTrade(on: { onSuccess?: (data: DecisionResult) => void; onError?: (error: Error) => void } = {}) {
  const client = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: async (input: TradeDecision) => actionData(await decideTradeAction(input)),
    onSuccess: (data) => {
      on.onSuccess?.(data);
      void client.invalidateQueries({ queryKey: tradeKeys.queue });
      // The trade history beside the queue is rendered on the server: read it again.
      router.refresh();
    },
    onError: (error) => on.onError?.(error),
  });
}

/** Files many trades from one CSV; everything cached may have changed, so all of it refreshes. */
export function useBulkTrades() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => postCsv<BulkTradeFiled>("/api/v1/trades/bulk", file),
    onSuccess: () => void client.invalidateQueries(),
  });
}
