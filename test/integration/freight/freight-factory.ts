import type { Db } from '../../../cloudfunctions/core/db/db';
import type { ActionInput } from '../../../cloudfunctions/core/contract';
import { callAction, okData } from '../../support/call';
import { MANAGER, newKey } from '../order/order-factory';

/** 江浙沪 ¥6 + ¥2 a piece, free from ¥199; elsewhere ¥12 + ¥3 a piece; not to 西藏 or 新疆. */
export const BY_COUNT: ActionInput<'manager.saveFreightTemplate'> = {
  name: '按件计费',
  chargeBy: 'count',
  regions: [
    {
      provinces: ['上海市', '江苏省', '浙江省'],
      firstUnit: 1,
      firstFeeFen: 600,
      additionalUnit: 1,
      additionalFeeFen: 200,
      freeOverFen: 19_900,
    },
  ],
  defaultRule: { firstUnit: 1, firstFeeFen: 1_200, additionalUnit: 1, additionalFeeFen: 300, freeOverFen: null },
  undeliverable: ['西藏自治区', '新疆维吾尔自治区'],
};

/** Saves a template as the demo manager; its id. */
export async function makeFreightTemplate(db: Db, input: Partial<ActionInput<'manager.saveFreightTemplate'>> = {}) {
  const saved = okData(
    await callAction(
      db,
      'manager.saveFreightTemplate',
      { ...BY_COUNT, ...input },
      {
        openid: MANAGER,
        idempotencyKey: newKey(),
      },
    ),
  );
  return saved.templateId;
}

/** Puts a SKU's product under a template (null: the flat rule). */
export async function shipSkuUnder(db: Db, skuId: string, freightTemplateId: string | null) {
  const { product_id } = await db.kysely
    .selectFrom('skus')
    .select('product_id')
    .where('id', '=', skuId)
    .executeTakeFirstOrThrow();
  okData(
    await callAction(
      db,
      'manager.setProductFreight',
      { productId: product_id, freightTemplateId },
      {
        openid: MANAGER,
        idempotencyKey: newKey(),
      },
    ),
  );
  return product_id;
}

const PLACES = {
  浙江省: { province: '浙江省', city: '杭州市', district: '西湖区' },
  北京市: { province: '北京市', city: '北京市', district: '海淀区' },
  西藏自治区: { province: '西藏自治区', city: '拉萨市', district: '城关区' },
} as const;

/** An address book entry of the caller in one of a few provinces; its id. */
export async function addressIn(db: Db, openid: string, place: keyof typeof PLACES) {
  const saved = okData(
    await callAction(
      db,
      'member.address.save',
      { name: '李四', phone: '13900139000', detail: '文三路 1 号', ...PLACES[place] },
      { openid, idempotencyKey: newKey() },
    ),
  );
  return saved.address.addressId;
}
