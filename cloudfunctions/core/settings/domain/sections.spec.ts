import { describe, expect, it } from 'vitest';
import { checkSection, DEFAULT_SETTINGS, readSettings, SECTIONS, sectionDiff } from './sections';

describe('settings sections', () => {
  it('accepts each section’s defaults as they are', () => {
    for (const [code, values] of Object.entries(DEFAULT_SETTINGS)) {
      expect(checkSection(code as keyof typeof DEFAULT_SETTINGS, values)).toEqual({ ok: true, values });
    }
  });

  it.each([
    [
      'orderRules',
      { paymentWindowMinutes: 4, autoConfirmDays: 7, refundWindowDays: 7 },
      'paymentWindowMinutes',
      '待付款保留时长须为 5～1440 的整数',
    ],
    [
      'orderRules',
      { paymentWindowMinutes: 30, autoConfirmDays: 7.5, refundWindowDays: 7 },
      'autoConfirmDays',
      '发货后自动确认收货须为 1～30 的整数',
    ],
    [
      'points',
      { earnPointsPerYuan: 101, redeemCapPercent: 50, redeemPointsPerYuan: 100 },
      'earnPointsPerYuan',
      '每消费 1 元得积分须为 0～100 的整数',
    ],
    [
      'points',
      { earnPointsPerYuan: 1, redeemPointsPerYuan: 100 },
      'redeemCapPercent',
      '积分抵扣上限须为 0～100 的整数',
    ],
    [
      'points',
      { earnPointsPerYuan: 1, redeemCapPercent: 50, redeemPointsPerYuan: 0 },
      'redeemPointsPerYuan',
      '积分抵现比例须为 1～10000 的整数',
    ],
    [
      'points',
      { earnPointsPerYuan: 1, redeemCapPercent: 50, redeemPointsPerYuan: 10_001 },
      'redeemPointsPerYuan',
      '积分抵现比例须为 1～10000 的整数',
    ],
    [
      'points',
      { earnPointsPerYuan: 1, redeemCapPercent: 50, redeemPointsPerYuan: 1.5 },
      'redeemPointsPerYuan',
      '积分抵现比例须为 1～10000 的整数',
    ],
    ['contact', { phone: 'call me', wecomUrl: '' }, 'phone', '客服电话（H5）格式不正确'],
    [
      'contact',
      { phone: '', wecomUrl: 'http://work.weixin.qq.com/kf' },
      'wecomUrl',
      '企业微信客服链接（H5）格式不正确',
    ],
    [
      'templates',
      { subscribeAfterPay: ['a', 'b', 'c', 'd'], groupbuySuccess: '', groupbuyFailed: '', restock: '' },
      'subscribeAfterPay',
      '支付后请求订阅的模板最多 3 个，格式不正确',
    ],
  ] as const)('%s refuses %j naming %s', (code, values, field, message) => {
    expect(checkSection(code, values)).toEqual({ ok: false, field, label: expect.any(String), message });
  });

  it('refuses a field the section does not have', () => {
    expect(checkSection('contact', { phone: '', wecomUrl: '', extra: 1 })).toMatchObject({ ok: false });
  });

  it('reads a stored document over the defaults, field by field; a field out of range reads as its default', () => {
    const read = readSettings({ points: { earnPointsPerYuan: 3, redeemCapPercent: 500 }, orderRules: null, junk: 1 });
    // A document saved before the redeem rate existed reads the old fixed rate, 100 points = ¥1.
    expect(read.points).toEqual({ earnPointsPerYuan: 3, redeemCapPercent: 50, redeemPointsPerYuan: 100 });
    expect(readSettings({ points: { redeemPointsPerYuan: 0 } }).points.redeemPointsPerYuan).toBe(100);
    expect(read.orderRules).toEqual(DEFAULT_SETTINGS.orderRules);
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('lists the changed fields with their labels, in the section’s order', () => {
    expect(
      sectionDiff(
        SECTIONS.orderRules.fields,
        { paymentWindowMinutes: 30, autoConfirmDays: 7, refundWindowDays: 7 },
        { paymentWindowMinutes: 30, autoConfirmDays: 3, refundWindowDays: 1 },
      ),
    ).toEqual([
      { field: 'autoConfirmDays', label: '发货后自动确认收货', before: 7, after: 3 },
      { field: 'refundWindowDays', label: '确认收货后可申请售后', before: 7, after: 1 },
    ]);
  });
});
