import type { Db } from '../connection';

/**
 * Returns the stored value of `key`, storing `make()` first if there is none. Concurrent first
 * starts agree: the insert that loses the race reads the winner's value.
 */
export async function getOrCreateSetting(db: Db, key: string, make: () => string): Promise<string> {
  await db.appSetting.createMany({ data: [{ key, value: make() }], skipDuplicates: true });
  const row = await db.appSetting.findUniqueOrThrow({ where: { key } });
  return row.value;
}
