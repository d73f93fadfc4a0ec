import type { DetailBlock } from '../../contract';

/** A stored detail, read defensively: a block of another shape (hand-written SQL) is left out, not shown broken. */
export function detailOf(stored: unknown): DetailBlock[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((b: unknown): DetailBlock[] => {
    const block = b as { type?: unknown; text?: unknown; image?: unknown } | null;
    if (block?.type === 'text' && typeof block.text === 'string') return [{ type: 'text', text: block.text }];
    if (block?.type === 'image' && typeof block.image === 'string') return [{ type: 'image', image: block.image }];
    return [];
  });
}
