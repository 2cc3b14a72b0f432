/** Items typed one per line, "value;note" (the note optional); blank lines and repeats dropped. */
export function parseItems(text: string): { value: string; note: string | null }[] {
  const seen = new Set<string>();
  const items: { value: string; note: string | null }[] = [];
  for (const line of text.split('\n')) {
    const [value, ...rest] = line.split(';');
    const trimmed = value.trim();
    if (!trimmed || seen.has(trimmed.toUpperCase())) continue;
    seen.add(trimmed.toUpperCase());
    const note = rest.join(';').trim();
    items.push({ value: trimmed, note: note || null });
  }
  return items;
}

export const formatItems = (items: { value: string; note: string | null }[]) =>
  items.map((item) => (item.note ? `${item.value};${item.note}` : item.value)).join('\n');

export const CODE_LIST_NAME = /^[a-z0-9][a-z0-9-]*$/i;
