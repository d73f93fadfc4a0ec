import type { Executor } from '../db';

const rule = (firstFeeFen: number, additionalFeeFen: number, freeOverFen: number | null) => ({
  firstUnit: 1,
  firstFeeFen,
  additionalUnit: 1,
  additionalFeeFen,
  freeOverFen,
});

/**
 * A demo 运费模板 for the manager to start from: ¥10 a parcel, ¥2 each further piece, free from ¥99;
 * remote provinces ¥15 + ¥5; 新疆 and 西藏 not delivered to. No product is put under it, so the demo
 * catalog keeps the store's flat rule until the manager chooses.
 */
export async function seedFreightTemplates(tx: Executor, storeId: string): Promise<void> {
  const rules = {
    regions: [
      { provinces: ['内蒙古自治区', '甘肃省', '青海省', '宁夏回族自治区', '海南省'], ...rule(1_500, 500, null) },
    ],
    defaultRule: rule(1_000, 200, 9_900),
  };
  await tx
    .insertInto('freight_templates')
    .values({
      id: 'ft-demo-standard',
      store_id: storeId,
      name: '标准快递',
      charge_by: 'count',
      rules: JSON.stringify(rules),
      undeliverable: ['新疆维吾尔自治区', '西藏自治区'],
      created_at: new Date('2026-01-01T00:00:00+08:00'),
      updated_at: new Date('2026-01-01T00:00:00+08:00'),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
