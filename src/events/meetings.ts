/** The known Istanbul meetings (knowledge/meetings.json): data, loaded once. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Meeting {
  id: string;
  name: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_MEETINGS = path.resolve(here, '../../knowledge/meetings.json');

let cached: Meeting[] | null = null;
export function defaultMeetings(): Meeting[] {
  if (!cached) {
    const data = JSON.parse(fs.readFileSync(DEFAULT_MEETINGS, 'utf8')) as { meetings: Meeting[] };
    cached = [...data.meetings].sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return cached;
}
