import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { HomeLink } from '../../../../cloudfunctions/core/contract';
import { call } from '../../../api';
import { useRemote } from '../../../hooks/useRemote';
import { Chips } from './Chips';
import { HomeSectionProductPicker } from './HomeSectionProductPicker';

type Kind = HomeLink['kind'];
export interface LinkChoice {
  link: HomeLink;
  label: string;
}

const KINDS: Array<{ value: Kind; label: string }> = [
  { value: 'product', label: '商品' },
  { value: 'category', label: '分类' },
  { value: 'campaign', label: '拼团' },
  { value: 'page', label: '页面' },
];
const PAGES = [
  { value: 'coupons', label: '领券中心' },
  { value: 'groupbuy', label: '拼团活动' },
  { value: 'invite', label: '邀请有礼' },
  { value: 'benefits', label: '会员权益' },
] as const;

/** Categories and running campaigns to link to, loaded only when that kind is chosen. */
function useTargets(kind: Kind) {
  return useRemote(async () => {
    if (kind === 'category') {
      const home = await call('catalog.home', {});
      return home.categories.map((c) => ({ value: c.id, label: c.name }));
    }
    if (kind === 'campaign') {
      const list = await call('manager.listCampaigns', {});
      return list.items.filter((c) => c.status === 'active').map((c) => ({ value: c.campaignId, label: c.title }));
    }
    return [];
  }, [kind]);
}

/** What a banner opens: a product (searched), a category, a running 拼团 or one of the store's pages. */
export function BannerLinkPicker({ value, onChange }: { value: LinkChoice | null; onChange: (c: LinkChoice) => void }) {
  const [kind, setKind] = useState<Kind>(value?.link.kind ?? 'product');
  const targets = useTargets(kind);
  const pick = (link: HomeLink, label: string) => onChange({ link, label });
  return (
    <View className="m-link-picker" id="banner-link">
      <Text className="m-editor__label">{`链接：${value?.label ?? '未选择'}`}</Text>
      <Chips id="banner-link-kind" options={KINDS} value={kind} onChange={setKind} />
      {kind === 'product' ? (
        <HomeSectionProductPicker
          id="banner-link-product"
          onPick={(p) => pick({ kind: 'product', id: p.productId }, `商品「${p.title}」`)}
        />
      ) : kind === 'page' ? (
        <Chips
          id="banner-link-page"
          options={PAGES}
          value={value?.link.kind === 'page' ? value.link.id : null}
          onChange={(id) => pick({ kind: 'page', id }, `页面「${PAGES.find((p) => p.value === id)!.label}」`)}
        />
      ) : (targets.data ?? []).length === 0 ? (
        <Text className="m-item__text">
          {targets.loading ? '加载中…' : kind === 'campaign' ? '没有进行中的拼团' : '没有分类'}
        </Text>
      ) : (
        <Chips
          id={`banner-link-${kind}`}
          options={targets.data!}
          value={value?.link.kind === kind ? value.link.id : null}
          onChange={(id) =>
            pick(
              { kind, id } as HomeLink,
              `${kind === 'category' ? '分类' : '拼团'}「${targets.data!.find((t) => t.value === id)!.label}」`,
            )
          }
        />
      )}
    </View>
  );
}
