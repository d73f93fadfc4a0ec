import { Image, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { SearchBar, Swiper } from '@nutui/nutui-react-taro';
import { call, mediaUrl, type Banner, type Category } from '../../api';
import type { HomeSectionView } from '../../../cloudfunctions/core/contract';
import { routeOf } from './home-link';
import { useRemote } from '../../hooks/useRemote';
import { ProductGrid } from '../../components/ProductCard';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { useInviteAttribution, useShare } from '../../hooks/useShare';
import { useSearchHistory } from '../../stores/search-history';
import './index.scss';

export function openList(params: { categoryId?: string; keyword?: string; title?: string }) {
  const query = Object.entries(params)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join('&');
  void Taro.navigateTo({ url: `/packages/goods/list?${query}` });
}

function openLink(target: Banner['target']) {
  if (target) void Taro.navigateTo({ url: routeOf(target) });
}

/** The manager's featured sections, in their order, each a titled product grid. */
function Sections({ sections }: { sections: HomeSectionView[] }) {
  return (
    <>
      {sections.map((s) => (
        <View key={s.id} className="home-section" id={`home-section-${s.id}`}>
          <View className="section-title">
            <Text>{s.title}</Text>
          </View>
          <ProductGrid products={s.products} />
        </View>
      ))}
    </>
  );
}

function Banners({ banners }: { banners: Banner[] }) {
  if (banners.length === 0) return null;
  return (
    <View className="home-banner">
      <Swiper autoplay loop indicator height="100%" className="home-banner__swiper">
        {banners.map((b) => (
          <Swiper.Item key={b.id}>
            <View className="home-banner__slide" id={`home-banner-${b.id}`} onClick={() => openLink(b.target)}>
              {/* The banner art carries its own title and subtitle. */}
              <Image className="home-banner__img" src={mediaUrl(b.image)} mode="aspectFill" ariaLabel={b.title} />
            </View>
          </Swiper.Item>
        ))}
      </Swiper>
    </View>
  );
}

function CategoryGrid({ categories }: { categories: Category[] }) {
  // Six categories sit better as two rows of three than as four plus two.
  const cols = categories.length % 4 !== 0 && categories.length % 3 === 0 ? 3 : 4;
  return (
    <View className={`home-cats home-cats--${cols}`}>
      {categories.map((c) => (
        <View
          key={c.id}
          className="home-cats__item"
          id={`home-cat-${c.id}`}
          onClick={() => openList({ categoryId: c.id, title: c.name })}
        >
          <Image className="home-cats__img" src={mediaUrl(c.icon)} mode="aspectFit" />
          <Text className="home-cats__name">{c.name}</Text>
        </View>
      ))}
    </View>
  );
}

export default function HomePage() {
  const home = useRemote(() => call('catalog.home', {}), []);
  usePullDownRefresh(() => void home.reload().finally(() => Taro.stopPullDownRefresh()));
  useInviteAttribution();
  useShare(() => ({ title: '青禾会员商城 · 会员专享价', path: '/pages/home/index', imageUrl: home.data?.shareImage }));

  const search = (keyword: string) => {
    const k = keyword.trim();
    if (!k) return;
    useSearchHistory.getState().remember(k);
    openList({ keyword: k, title: `搜索“${k}”` });
  };

  return (
    <View className="page home" id="page-home">
      <View className="home-search">
        <SearchBar shape="round" placeholder="搜索精华、面霜、防晒" onSearch={search} />
      </View>
      {home.loading && !home.data ? (
        <PageSkeleton />
      ) : !home.data ? (
        <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void home.reload()} />
      ) : (
        <View id="home-content">
          <Banners banners={home.data.banners} />
          <CategoryGrid categories={home.data.categories} />
          <Sections sections={home.data.sections} />
          <View className="section-title">
            <Text>本季甄选</Text>
            <Text className="section-sub">会员专享价</Text>
          </View>
          {home.data.featured.length > 0 ? (
            <ProductGrid products={home.data.featured} />
          ) : (
            <EmptyState title="新品即将上架" />
          )}
        </View>
      )}
    </View>
  );
}
