/** A bounded memo for word lookups, shared by the search code on the server and in the browser. */

/**
 * Remembers `value` for `key`, forgetting everything once `limit` keys are held: a catalogue has
 * tens of thousands of distinct words, but a long-running process (the gateway) checks text
 * from anyone, and random words must not grow its memory without end.
 */
export function remember<K, V>(map: Map<K, V>, key: K, value: V, limit = 200_000): V {
  if (map.size >= limit) map.clear();
  map.set(key, value);
  return value;
}
