/** The validation messages of one input, under it; the input points here with aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <span id={id} className="mt-1 block max-w-64 text-xs font-normal text-red-700">
      {messages.map((m) => (
        <span key={m} className="block">
          {m}
        </span>
      ))}
    </span>
  );
}
