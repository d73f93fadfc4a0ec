/**
 * Demo store content: 青禾 QINGHE, a plant-based skincare brand with counter stores in Shanghai,
 * selling to its own members. Pure data; the seed script writes it to the database and renders the
 * product, category and banner images from each `art` (see catalog/domain/product-art.ts).
 *
 * Prices are integer fen (12900 = ¥129). Product ids are 'p-' + slug, SKU ids 'sku-' + slug + '-' + n.
 */
import type { SeedBanner, SeedCategory, SeedProduct, SeedStore } from './seed.types';
import { careProducts } from './demo-products-care.data';
import { faceProducts } from './demo-products-face.data';

const categories: SeedCategory[] = [
  { id: 'c-cleanser', name: '洁面卸妆', sort: 10, art: { hue: 150, shape: 'tube' } },
  { id: 'c-toner', name: '爽肤水/精华水', sort: 20, art: { hue: 188, shape: 'bottle' } },
  { id: 'c-serum', name: '精华眼霜', sort: 30, art: { hue: 165, shape: 'dropper' } },
  { id: 'c-cream', name: '面霜乳液', sort: 40, art: { hue: 32, shape: 'jar' } },
  { id: 'c-sunscreen', name: '防晒隔离', sort: 50, art: { hue: 44, shape: 'tube' } },
  { id: 'c-mask', name: '面膜护理', sort: 60, art: { hue: 345, shape: 'sachet' } },
];

/** Shop order: position in the list, in steps of 10 so a shop can slot products in between. */
const products: SeedProduct[] = [...faceProducts, ...careProducts].map((p, i) => ({ ...p, sort: (i + 1) * 10 }));

const banners: SeedBanner[] = [
  {
    id: 'b-cica-b5-serum',
    title: '小绿瓶修护精华',
    subtitle: '积雪草+B5 稳住屏障 · 两支装立省 ¥59',
    link: '/packages/goods/detail?id=p-cica-b5-repair-serum',
    sort: 10,
    art: { hue: 165, shape: 'dropper', label: 'B5' },
  },
  {
    id: 'b-summer-sunscreen',
    title: '春夏防晒季',
    subtitle: '轻薄防晒乳两支装 ¥229 起',
    link: '/packages/goods/list?categoryId=c-sunscreen',
    sort: 20,
    art: { hue: 44, shape: 'tube', label: 'SPF50' },
  },
  {
    id: 'b-in-store-facial',
    title: '门店护理体验',
    subtitle: '会员专享 · 上海专柜 60 分钟面部护理',
    link: '/packages/goods/detail?id=p-in-store-facial-voucher',
    sort: 30,
    art: { hue: 150, shape: 'leaf', label: 'SPA' },
  },
];

export const demoStore: SeedStore = {
  id: 'demo',
  name: '青禾 QINGHE',
  slogan: '以植物之力，温和养肤',
  returnAddress: '青禾售后组 02152981234 上海市静安区南京西路1515号嘉里中心B1 青禾门店',
  categories,
  products,
  banners,
};
