import type { TradeRule } from "../rule";

/** OneSided: the initiator gives a shift away and takes none back (Genesys' policy). */
export const oneSidedRule: TradeRule = (trade, legs) => {
  if (trade.kind !== "oneSided" || legs.length === 0) return [];
  const leg = legs[0];
  return [
    {
      type: "OneSided",
      shiftId: leg.shift.id,
      agentId: leg.receiver.id,
      params: { giverId: leg.giver.id, receiverId: leg.receiver.id },
      message: `${leg.giver.id} gives this shift to ${leg.receiver.id} and takes no shift back`,
    },
  ];
};
