import { checkFields, fieldSchema, type SectionCheck, type SettingField } from './fields';

export {
  checkFields,
  sectionDiff,
  type LoadedOptions,
  type SectionCheck,
  type SettingField,
  type SettingValue,
} from './fields';

/**
 * The store's own settings as declared sections (fields and their kinds: ./fields): each field
 * carries its form's label, unit and range, so the manager's page renders any section from what the
 * server sends and a new setting is one entry here (plus the code that reads it). Defaults are the
 * store's behaviour before settings existed.
 */
export const SECTION_CODES = ['points', 'orderRules', 'templates', 'contact'] as const;
export type SectionCode = (typeof SECTION_CODES)[number];

const TEMPLATE_ID = /^[A-Za-z0-9_-]{0,64}$/;

export const SECTIONS: Record<SectionCode, { title: string; fields: SettingField[] }> = {
  points: {
    title: '积分',
    fields: [
      {
        key: 'earnPointsPerYuan',
        label: '每消费 1 元得积分',
        kind: 'int',
        min: 0,
        max: 100,
        unit: '分',
        help: '再乘以会员等级倍率；结算时按下单时的规则发放',
      },
      {
        key: 'redeemCapPercent',
        label: '积分抵扣上限',
        kind: 'int',
        min: 0,
        max: 100,
        unit: '%',
        help: '积分最多抵扣商品金额（用券后）的比例',
      },
      {
        key: 'redeemPointsPerYuan',
        label: '积分抵现比例',
        kind: 'int',
        min: 1,
        max: 10000,
        unit: '积分/元',
        help: '多少积分抵 1 元；抵扣按整分计算，只影响之后的新订单',
      },
    ],
  },
  orderRules: {
    title: '订单规则',
    fields: [
      { key: 'paymentWindowMinutes', label: '待付款保留时长', kind: 'int', min: 5, max: 1440, unit: '分钟' },
      { key: 'autoConfirmDays', label: '发货后自动确认收货', kind: 'int', min: 1, max: 30, unit: '天' },
      { key: 'refundWindowDays', label: '确认收货后可申请售后', kind: 'int', min: 0, max: 30, unit: '天' },
    ],
  },
  templates: {
    title: '订阅消息模板',
    fields: [
      {
        key: 'subscribeAfterPay',
        label: '支付后请求订阅的模板',
        kind: 'textList',
        maxItems: 3,
        pattern: TEMPLATE_ID,
        help: '最多 3 个，逗号分隔；留空则用部署配置',
      },
      {
        key: 'groupbuySuccess',
        label: '拼团成功通知模板',
        kind: 'text',
        pattern: TEMPLATE_ID,
        help: '留空则用部署配置',
      },
      {
        key: 'groupbuyFailed',
        label: '拼团失败通知模板',
        kind: 'text',
        pattern: TEMPLATE_ID,
        help: '留空则用部署配置',
      },
      { key: 'restock', label: '到货提醒模板', kind: 'text', pattern: TEMPLATE_ID, help: '留空则用部署配置' },
    ],
  },
  contact: {
    title: '客服',
    fields: [
      {
        key: 'phone',
        label: '客服电话（H5）',
        kind: 'text',
        pattern: /^$|^[0-9+\-() ]{3,20}$/,
        help: '网页版显示的拨号号码',
      },
      {
        key: 'wecomUrl',
        label: '企业微信客服链接（H5）',
        kind: 'text',
        pattern: /^$|^https:\/\/[^\s]{4,200}$/,
        help: 'https 开头；填写后网页版优先打开此链接',
      },
    ],
  },
};

export interface StoreSettings {
  points: { earnPointsPerYuan: number; redeemCapPercent: number; redeemPointsPerYuan: number };
  orderRules: { paymentWindowMinutes: number; autoConfirmDays: number; refundWindowDays: number };
  templates: { subscribeAfterPay: string[]; groupbuySuccess: string; groupbuyFailed: string; restock: string };
  contact: { phone: string; wecomUrl: string };
}

export const DEFAULT_SETTINGS: StoreSettings = {
  points: { earnPointsPerYuan: 1, redeemCapPercent: 50, redeemPointsPerYuan: 100 },
  orderRules: { paymentWindowMinutes: 30, autoConfirmDays: 7, refundWindowDays: 7 },
  templates: { subscribeAfterPay: [], groupbuySuccess: '', groupbuyFailed: '', restock: '' },
  contact: { phone: '', wecomUrl: '' },
};

/** Validates a section's values; a refusal names the first wrong field and says what it accepts. */
export function checkSection(code: SectionCode, values: unknown): SectionCheck {
  return checkFields(SECTIONS[code].fields, values);
}

/**
 * A stored document read over the defaults, field by field: a field a later release added, or one
 * that no longer passes its section's rules, reads as its default rather than breaking the store.
 */
export function readSettings(doc: unknown): StoreSettings {
  const stored = (doc && typeof doc === 'object' ? doc : {}) as Record<string, Record<string, unknown> | undefined>;
  const out = structuredClone(DEFAULT_SETTINGS) as unknown as Record<string, Record<string, unknown>>;
  for (const code of SECTION_CODES) {
    for (const f of SECTIONS[code].fields) {
      const v = stored[code]?.[f.key];
      if (v !== undefined && fieldSchema(f).safeParse(v).success) out[code]![f.key] = v;
    }
  }
  return out as unknown as StoreSettings;
}
