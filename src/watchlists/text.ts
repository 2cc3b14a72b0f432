/**
 * Uploaded lists as text: UTF-8 (with or without a byte-order mark), UTF-16 with its mark, or,
 * when the bytes are not UTF-8, Windows-1250, the code page spreadsheets in the region save
 * CSV in (Č, Ć, Đ, Š, Ž).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1250').decode(bytes);
  }
}
