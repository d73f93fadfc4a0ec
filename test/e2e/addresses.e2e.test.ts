/**
 * H5 end to end, the address book: 我的 -> 收货地址 (empty) -> 新增地址 -> the form refuses a wrong
 * phone with the server's words under the field -> the region picker (province / city / district)
 * -> saved as the default; then 结算 with 快递 ships to it and the order shows it.
 * Screenshots at 390 px: the book, the form with the picker open, checkout with the address.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import type { ActionInput, ActionName, ActionOutput } from '../../cloudfunctions/core/contract';
import * as e2e from './support';
import { textOf, waitForText } from './support';

const CUSTOMER = `e2e-address-${Date.now().toString(36)}`;
const missing = e2e.missingPrerequisites('addresses');

let env: e2e.E2E | undefined;

const api = <N extends ActionName>(name: N, data: ActionInput<N>): Promise<ActionOutput<N>> =>
  e2e.callApi(env!.baseUrl, CUSTOMER, name, data);
const shot = (page: Page, name: string, root: string) => e2e.settledScreenshot(page, `addresses-${name}.png`, root);

/** Picks one entry in the open cascader pane. */
async function pickRegion(page: Page, text: string): Promise<void> {
  await page.locator('.nut-cascader-pane .nut-cascader-item', { hasText: new RegExp(`^\\s*${text}\\s*$`) }).click();
}

describe.skipIf(missing.length > 0)('H5 address book, end to end', () => {
  beforeAll(async () => {
    env = await e2e.startE2E();
  }, 120_000);

  afterAll(async () => {
    await env?.close();
  });

  it('adds an address through the form and the region picker, then orders to it by express', async () => {
    const { page } = await e2e.signedInPage(env!.browser, CUSTOMER, 390);
    await page.goto(`${env!.baseUrl}/#/pages/me/index`);
    await page.locator('.menu-addresses').click();
    await page.locator('#page-addresses #addresses-empty').waitFor();

    // 新增地址: a wrong phone first; the server's message shows under the field.
    await page.locator('#address-add').click();
    await page.locator('#page-address-edit #address-form').waitFor();
    await page.locator('#address-name input').fill('林晓');
    await page.locator('#address-phone input').fill('12345678901');
    await page.locator('#address-detail input').fill('文三路 90 号 2 幢 301');
    await waitForText(page, '#address-region-text', '选择省/市/区');
    await page.locator('#address-save').click();
    await waitForText(page, '#address-phone-error', '请填写正确的11位手机号');
    await waitForText(page, '#address-region-error', '请选择所在地区');
    expect((await api('member.address.list', {})).items).toEqual([]);

    // The region picker: 浙江省 -> 杭州市 -> 西湖区.
    await page.locator('#address-phone input').fill('13800138000');
    await page.locator('#address-region').click();
    await pickRegion(page, '浙江省');
    await pickRegion(page, '杭州市');
    await page.locator('.nut-cascader-item', { hasText: '西湖区' }).waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${e2e.ARTIFACTS}/addresses-02-form-region-picker.png` });
    await pickRegion(page, '西湖区');
    await waitForText(page, '#address-region-text', '浙江省杭州市西湖区');
    await shot(page, '03-form-filled', '#page-address-edit');
    await page.locator('#address-save').click();

    // Back in the book: one address, the default.
    await page.locator('#page-addresses #address-list').waitFor();
    const book = await api('member.address.list', {});
    expect(book.items).toHaveLength(1);
    expect(book.items[0]).toMatchObject({
      name: '林晓',
      phone: '13800138000',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路 90 号 2 幢 301',
      isDefault: true,
    });
    const addressId = book.items[0]!.addressId;
    await page.locator(`#address-${addressId} #address-default-badge`).waitFor();
    // A second one, so the book shows 设为默认 next to an address that is not the default.
    await e2e.saveAddress(env!.baseUrl, CUSTOMER, {
      name: '林晓',
      phone: '13800138000',
      province: '上海市',
      city: '上海市',
      district: '静安区',
      detail: '南京西路 1515 号',
    });
    await page.reload();
    await page.locator('#page-addresses .address-set-default').waitFor();
    await shot(page, '01-book', '#page-addresses');

    // 结算 with 快递: the default address is the one shown and the one the order keeps.
    const { product, skuId } = await e2e.shippableProduct(env!.baseUrl, CUSTOMER);
    await e2e.addToCart(page, env!.baseUrl, product, skuId);
    await page.locator('#cart-checkout').click();
    await page.locator('#page-checkout #checkout-lines').waitFor();
    await page.locator('#delivery-express').click();
    await waitForText(page, '#delivery-address', '林晓13800138000浙江省杭州市西湖区文三路90号2幢301');
    await shot(page, '04-checkout', '#page-checkout');
    await page.locator('#checkout-submit').click();
    await page.locator('#page-pay #pay-confirm').waitFor();
    const orderId = new URL(page.url().replace('#/', '')).searchParams.get('orderId') ?? '';
    const order = await api('order.get', { orderId });
    expect(order.delivery).toEqual({
      type: 'express',
      address: {
        name: '林晓',
        phone: '13800138000',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        detail: '文三路 90 号 2 幢 301',
      },
    });
    await page.goto(`${env!.baseUrl}/#/packages/order/detail?orderId=${encodeURIComponent(orderId)}`);
    await page.locator('#page-order-detail #detail-delivery').waitFor();
    expect(await textOf(page, '#detail-delivery')).toContain('浙江省杭州市西湖区文三路90号2幢301');
    await shot(page, '05-order-detail', '#page-order-detail');
  }, 180_000);
});
