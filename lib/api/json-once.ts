/**
 * A JSON answer serialized once per answer object. Answers built from the coverage cache are one
 * shared object per schedule revision and query; a week of intervals is ~400 KB of JSON, and
 * writing it again for each of 20 clients was most of the route's time. The object must not be
 * changed after it is first sent (cached answers are not).
 */
const texts = new WeakMap<object, string>();

export function jsonOnce(value: object): Response {
  let text = texts.get(value);
  if (text === undefined) texts.set(value, (text = JSON.stringify(value)));
  return new Response(text, { headers: { "content-type": "application/json" } });
}
