import { expect, it } from 'vitest';
import { callAction } from '../../support/call';
import { describeOnPostgres } from '../../support/databases';
import { MANAGER, newKey } from '../order/order-factory';
import { asManager, twoByTwo } from '../catalog/catalog-admin-factory';
import { makeFreightTemplate } from './freight-factory';
import { okData } from '../../support/call';

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describeOnPostgres('a freight template deleted while a product is put under it', (use) => {
  const ROUNDS = 12;
  it(`${ROUNDS} rounds, both ways (setProductFreight and the editor's save): one side wins with a business code, never a foreign-key error`, async () => {
    const seen = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const templateId = await makeFreightTemplate(use(), { name: `竞速-${newKey().slice(2, 12)}` });
      const product = okData(await asManager(use(), 'manager.saveProduct', twoByTwo()));
      const assign =
        round % 2 === 0
          ? () =>
              callAction(
                use(),
                'manager.setProductFreight',
                { productId: product.productId, freightTemplateId: templateId },
                { openid: MANAGER, idempotencyKey: newKey() },
              )
          : () => asManager(use(), 'manager.saveProduct', twoByTwo({ freightTemplateId: templateId }));
      const remove = () =>
        callAction(
          use(),
          'manager.deleteFreightTemplate',
          { templateId },
          { openid: MANAGER, idempotencyKey: newKey() },
        );
      // Staggered starts: the delete lands before, during or after the assignment.
      const delay = (round % 3) * 5;
      const [assigned, deleted] = await Promise.all([assign(), new Promise((r) => setTimeout(r, delay)).then(remove)]);
      const outcome = `${code(assigned)}/${code(deleted)}`;
      expect(['ok/FREIGHT_TEMPLATE_IN_USE', 'FREIGHT_TEMPLATE_NOT_FOUND/ok']).toContain(outcome);
      seen.add(outcome);
      const template = await use()
        .kysely.selectFrom('freight_templates')
        .select('id')
        .where('id', '=', templateId)
        .executeTakeFirst();
      expect(template !== undefined).toBe(assigned.ok);
    }
    expect(seen.size).toBeGreaterThan(0);
  });
});
