/** Types of build-if-changed.mjs, for its test. */
export interface BuildPart {
  name: string;
  sources: string[];
  skip: (path: string) => boolean;
  output: string;
  commands: string[];
}
export const BUILD_PARTS: BuildPart[];
export const STAMP_FILE: string;
export function fingerprint(root: string, part: BuildPart): string;
export function readStamp(root: string): Record<string, string>;
export function staleParts(root: string, parts?: BuildPart[]): { part: BuildPart; fingerprint: string }[];
