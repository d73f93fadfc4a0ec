import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { MANAGER, errorCode, newKey } from '../order/order-factory';
import { BY_COUNT, makeFreightTemplate, shipSkuUnder } from './freight-factory';

const SERUM = 'sku-amino-acid-cleanser-1';
const asManager = () => ({ openid: MANAGER, idempotencyKey: newKey() });

describeEachDatabase('manager freight templates', (use) => {
  it('saves a template, lists it in one line, and reads it back for the editor', async () => {
    const templateId = await makeFreightTemplate(use(), { name: '江浙沪优惠' });
    const list = okData(await callAction(use(), 'manager.listFreightTemplates', {}, { openid: MANAGER }));
    expect(list.templates).toContainEqual({
      id: templateId,
      name: '江浙沪优惠',
      summary: '按件 · 默认 首1件¥12，续1件¥3 · 1个地区 · 2省不配送',
    });
    const got = okData(await callAction(use(), 'manager.getFreightTemplate', { templateId }, { openid: MANAGER }));
    expect(got.provinces).toHaveLength(31);
    expect(got.template).toMatchObject({
      templateId,
      version: 1,
      productCount: 0,
      regions: BY_COUNT.regions,
      defaultRule: BY_COUNT.defaultRule,
      undeliverable: BY_COUNT.undeliverable,
    });
    const audit = await use()
      .kysely.selectFrom('audit_log')
      .select(['who', 'detail'])
      .where('action', '=', 'manager.saveFreightTemplate')
      .execute();
    expect(audit.some((a) => a.who === MANAGER && JSON.stringify(a.detail).includes(templateId))).toBe(true);
  });

  it.each([
    [
      'a province in two regions',
      {
        regions: [
          { ...BY_COUNT.regions[0]!, provinces: ['上海市'] },
          { ...BY_COUNT.regions[0]!, provinces: ['上海市', '北京市'] },
        ],
      },
      '上海市出现在多个地区或不配送地区中',
    ],
    ['a region also undeliverable', { undeliverable: ['浙江省'] }, '浙江省出现在多个地区或不配送地区中'],
    ['a province the address book does not know', { undeliverable: ['台湾省'] }, '不认识的省份：台湾省'],
  ])('refuses %s, writing nothing', async (_, change, message) => {
    const before = okData(await callAction(use(), 'manager.listFreightTemplates', {}, { openid: MANAGER }));
    const r = await callAction(
      use(),
      'manager.saveFreightTemplate',
      { ...BY_COUNT, name: '无效模板', ...change },
      asManager(),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'FREIGHT_TEMPLATE_INVALID', message } });
    expect(okData(await callAction(use(), 'manager.listFreightTemplates', {}, { openid: MANAGER }))).toEqual(before);
  });

  it('an edit names the version it changed: a stale one is refused; a taken name too', async () => {
    const templateId = await makeFreightTemplate(use(), { name: '版本模板' });
    const edit = { ...BY_COUNT, templateId, name: '版本模板', undeliverable: [] };
    const first = okData(await callAction(use(), 'manager.saveFreightTemplate', { ...edit, version: 1 }, asManager()));
    expect(first.version).toBe(2);
    const stale = await callAction(use(), 'manager.saveFreightTemplate', { ...edit, version: 1 }, asManager());
    expect(errorCode(stale)).toBe('FREIGHT_TEMPLATE_STALE');
    await makeFreightTemplate(use(), { name: '另一个模板' });
    const taken = await callAction(
      use(),
      'manager.saveFreightTemplate',
      { ...edit, version: 2, name: '另一个模板' },
      asManager(),
    );
    expect(errorCode(taken)).toBe('FREIGHT_TEMPLATE_NAME_TAKEN');
  });

  it('a template a product ships under cannot be deleted until the product leaves it', async () => {
    const templateId = await makeFreightTemplate(use(), { name: '删除模板' });
    const productId = await shipSkuUnder(use(), SERUM, templateId);
    const inUse = await callAction(use(), 'manager.deleteFreightTemplate', { templateId }, asManager());
    expect(inUse).toMatchObject({ ok: false, error: { code: 'FREIGHT_TEMPLATE_IN_USE', details: { products: 1 } } });
    const unknown = await callAction(
      use(),
      'manager.setProductFreight',
      { productId, freightTemplateId: 'no-such-template' },
      asManager(),
    );
    expect(errorCode(unknown)).toBe('FREIGHT_TEMPLATE_NOT_FOUND');
    await shipSkuUnder(use(), SERUM, null);
    okData(await callAction(use(), 'manager.deleteFreightTemplate', { templateId }, asManager()));
    const gone = await callAction(use(), 'manager.getFreightTemplate', { templateId }, { openid: MANAGER });
    expect(errorCode(gone)).toBe('FREIGHT_TEMPLATE_NOT_FOUND');
  });
});
