/**
 * okta.appId of an existing settings.yaml, read leniently: `dbxsync dump --force` writes over a
 * desired state that may not validate (that is often why it is being dumped again), so this reads
 * only that one key and answers undefined for a missing, unreadable or malformed file.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

export async function appIdOfSettingsFile(file: string): Promise<string | undefined> {
  if (!existsSync(file)) return undefined;
  try {
    const appId: unknown = (parse(await readFile(file, 'utf8')) as { okta?: { appId?: unknown } } | null)?.okta?.appId;
    return typeof appId === 'string' ? appId : undefined;
  } catch {
    return undefined;
  }
}
