/*
 * A bounded map in this isolate's memory. Isolates are short-lived and
 * never share memory, so what is kept here is a saving, never the truth.
 */

type Slot<T> = { value: T; until: number };

export function createIsolateCache<T>(maxEntries: number) {
  const slots = new Map<string, Slot<T>>();

  return {
    /** The value while it is usable. */
    get(key: string, now = Date.now()): T | undefined {
      const slot = slots.get(key);
      if (!slot) return undefined;
      if (slot.until > now) return slot.value;
      slots.delete(key);
      return undefined;
    },

    set(key: string, value: T, until: number) {
      // Re-inserting keeps the map in least recently stored order.
      slots.delete(key);
      if (slots.size >= maxEntries) {
        const oldest = slots.keys().next().value;
        if (oldest !== undefined) slots.delete(oldest);
      }
      slots.set(key, { value, until });
    },

    /** Moves the end of a value's use, if it is still the one stored. */
    extend(key: string, value: T, until: number) {
      const slot = slots.get(key);
      if (slot?.value === value) slot.until = until;
    },

    /** Forgets `key`; with `value`, only while that value is the one stored. */
    delete(key: string, value?: T) {
      if (value === undefined || slots.get(key)?.value === value) {
        slots.delete(key);
      }
    },
  };
}
