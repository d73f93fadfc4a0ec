/**
 * Demo store content: 青禾 QINGHE, a plant-based skincare brand with counter stores in Shanghai,
 * selling to its own members. Pure data; the seed script writes it to the database and renders the
 * product, category and banner images from each `art` (see catalog/domain/product-art.ts).
 *
 * Prices are integer fen (12900 = ¥129). Product ids are 'p-' + slug, SKU ids 'sku-' + slug + '-' + n.
 */
import type { ProductArt } from '../../catalog/domain/product-art';

export interface SeedSku {
  id: string;
  specs: Record<string, string>;
  priceFen: number;
  originalPriceFen?: number;
  stock: number;
}

export interface SeedProduct {
  /** 'p-' + kebab slug, at most 40 characters, unique. */
  id: string;
  /** One of the categories' ids. */
  categoryId: string;
  title: string;
  subtitle: string;
  description: string;
  /** Typical days until a customer runs out and buys again. */
  repurchaseCycleDays: number;
  fulfilment: Array<'express' | 'pickup'>;
  tags: string[];
  featured: boolean;
  sort: number;
  /** Drives the generated product images. */
  art: ProductArt;
  /** Ids 'sku-' + product slug + '-' + n. */
  skus: SeedSku[];
}

export interface SeedCategory {
  id: string;
  name: string;
  sort: number;
  art: ProductArt;
}

export interface SeedBanner {
  id: string;
  title: string;
  subtitle: string;
  /** A mini-program path: `/packages/goods/detail?id=<product id>` or `/packages/goods/list?categoryId=<id>`. */
  link: string;
  sort: number;
  art: ProductArt;
}

export interface SeedStore {
  id: string;
  name: string;
  slogan: string;
  categories: SeedCategory[];
  products: SeedProduct[];
  banners: SeedBanner[];
}

const BOTH: Array<'express' | 'pickup'> = ['express', 'pickup'];
const EXPRESS_ONLY: Array<'express' | 'pickup'> = ['express'];
const PICKUP_ONLY: Array<'express' | 'pickup'> = ['pickup'];

type ProductInput = Omit<SeedProduct, 'id' | 'skus' | 'sort'> & {
  slug: string;
  skus: Array<Omit<SeedSku, 'id'>>;
};

let nextSort = 10;

/** Builds a product, deriving its id, the SKU ids and the sort order from the slug and position. */
function product(input: ProductInput): SeedProduct {
  const { slug, skus, ...rest } = input;
  const sort = nextSort;
  nextSort += 10;
  return {
    id: `p-${slug}`,
    ...rest,
    sort,
    skus: skus.map((sku, i) => ({ id: `sku-${slug}-${i + 1}`, ...sku })),
  };
}

/** A single default SKU. */
function standard(priceFen: number, stock: number, originalPriceFen?: number): Array<Omit<SeedSku, 'id'>> {
  return [{ specs: { 规格: '标准装' }, priceFen, stock, ...(originalPriceFen ? { originalPriceFen } : {}) }];
}

const categories: SeedCategory[] = [
  { id: 'c-cleanser', name: '洁面卸妆', sort: 10, art: { hue: 150, shape: 'tube' } },
  { id: 'c-toner', name: '爽肤水/精华水', sort: 20, art: { hue: 188, shape: 'bottle' } },
  { id: 'c-serum', name: '精华眼霜', sort: 30, art: { hue: 165, shape: 'dropper' } },
  { id: 'c-cream', name: '面霜乳液', sort: 40, art: { hue: 32, shape: 'jar' } },
  { id: 'c-sunscreen', name: '防晒隔离', sort: 50, art: { hue: 44, shape: 'tube' } },
  { id: 'c-mask', name: '面膜护理', sort: 60, art: { hue: 345, shape: 'sachet' } },
];

const products: SeedProduct[] = [
  // ---------- 洁面卸妆 ----------
  product({
    slug: 'amino-acid-cleanser',
    categoryId: 'c-cleanser',
    title: '青禾氨基酸温和洁面乳',
    subtitle: '绵密泡沫，洗后不紧绷',
    description:
      '以椰油酰甘氨酸钾为主要清洁成分，弱酸性配方，泡沫细腻易冲净。添加燕麦提取物，洗后肌肤柔软不紧绷，早晚均可使用。敏感肌适用。',
    repurchaseCycleDays: 45,
    fulfilment: BOTH,
    tags: ['热销'],
    featured: true,
    art: { hue: 150, shape: 'tube', label: 'AMINO' },
    skus: [
      { specs: { 容量: '120g' }, priceFen: 8900, stock: 320 },
      { specs: { 容量: '200g' }, priceFen: 12900, originalPriceFen: 14800, stock: 186 },
    ],
  }),
  product({
    slug: 'rice-bran-cleansing-oil',
    categoryId: 'c-cleanser',
    title: '米糠温和卸妆油',
    subtitle: '遇水乳化，淡妆浓妆一步卸净',
    description:
      '米糠油与葵花籽油调和，轻柔溶解彩妆与防晒。遇水迅速乳化，冲洗后不留油膜。干手干脸使用，每次两到三泵即可。',
    repurchaseCycleDays: 60,
    fulfilment: BOTH,
    tags: [],
    featured: false,
    art: { hue: 40, shape: 'pump', label: 'OIL' },
    skus: [
      { specs: { 容量: '150ml' }, priceFen: 13900, stock: 140 },
      { specs: { 容量: '300ml' }, priceFen: 22900, originalPriceFen: 25800, stock: 75 },
    ],
  }),
  product({
    slug: 'green-clay-cleansing-mousse',
    categoryId: 'c-cleanser',
    title: '绿泥净透洁面慕斯',
    subtitle: '按压即出泡，T区油光清爽',
    description:
      '含法国绿泥与绿茶提取物，帮助带走多余油脂与毛孔污垢。按压即出绵密泡沫，无需打泡网。适合混合肌与油性肌日常使用。',
    repurchaseCycleDays: 45,
    fulfilment: BOTH,
    tags: [],
    featured: false,
    art: { hue: 120, shape: 'pump', label: 'CLAY' },
    skus: standard(11900, 210),
  }),
  product({
    slug: 'camellia-cleansing-balm',
    categoryId: 'c-cleanser',
    title: '山茶花卸妆膏',
    subtitle: '膏体化油，温和不糊眼',
    description:
      '山茶籽油为基底，取出后在掌心化为轻盈油状，温柔溶解眼唇彩妆。配有专用挖勺，开盖即用。洗后肌肤润泽，无需二次清洁也不觉厚重。',
    repurchaseCycleDays: 60,
    fulfilment: BOTH,
    tags: ['新品'],
    featured: false,
    art: { hue: 355, shape: 'jar', label: '01' },
    skus: [
      { specs: { 规格: '单支' }, priceFen: 15900, stock: 96 },
      { specs: { 规格: '两支装' }, priceFen: 28900, originalPriceFen: 31800, stock: 40 },
    ],
  }),

  // ---------- 爽肤水/精华水 ----------
  product({
    slug: 'hyaluronic-essence-water',
    categoryId: 'c-toner',
    title: '青禾玻尿酸精华水',
    subtitle: '三重玻尿酸，一拍水润',
    description:
      '大中小三种分子量玻尿酸搭配白桦树汁，层层补水，让后续护肤更好吸收。清爽型适合油皮与夏季，滋润型添加甘油与海藻糖，适合干皮与秋冬。',
    repurchaseCycleDays: 45,
    fulfilment: BOTH,
    tags: ['热销'],
    featured: true,
    art: { hue: 188, shape: 'bottle', label: 'HA' },
    skus: [
      { specs: { 容量: '150ml', 肤质: '清爽型' }, priceFen: 15900, stock: 260 },
      { specs: { 容量: '150ml', 肤质: '滋润型' }, priceFen: 15900, stock: 230 },
      { specs: { 容量: '250ml', 肤质: '清爽型' }, priceFen: 22900, originalPriceFen: 25900, stock: 120 },
      { specs: { 容量: '250ml', 肤质: '滋润型' }, priceFen: 22900, originalPriceFen: 25900, stock: 98 },
    ],
  }),
  product({
    slug: 'rice-ferment-essence',
    categoryId: 'c-toner',
    title: '米酵焕亮精华水',
    subtitle: '米发酵滤液，透出好气色',
    description:
      '含 70% 米发酵产物滤液，质地微稠，改善暗沉与粗糙。可用化妆棉二次清洁，也可直接拍于面部。持续使用四周，肤色更均匀通透。',
    repurchaseCycleDays: 45,
    fulfilment: BOTH,
    tags: [],
    featured: false,
    art: { hue: 30, shape: 'bottle', label: 'RICE' },
    skus: [
      { specs: { 容量: '120ml' }, priceFen: 19900, stock: 150 },
      { specs: { 容量: '200ml' }, priceFen: 29900, originalPriceFen: 33200, stock: 0 },
    ],
  }),
  product({
    slug: 'green-tea-balancing-toner',
    categoryId: 'c-toner',
    title: '绿茶平衡爽肤水',
    subtitle: '控油不干，毛孔清爽',
    description:
      '杭州龙井绿茶提取物搭配金缕梅水，帮助平衡水油、收敛毛孔观感。不含酒精，湿敷也不刺激。适合油性及混合性肌肤。',
    repurchaseCycleDays: 45,
    fulfilment: BOTH,
    tags: [],
    featured: false,
    art: { hue: 105, shape: 'bottle', label: 'TEA' },
    skus: standard(10900, 280),
  }),
  product({
    slug: 'purslane-soothing-mist',
    categoryId: 'c-toner',
    title: '马齿苋舒缓喷雾',
    subtitle: '随时补水，空调房必备',
    description:
      '马齿苋与积雪草提取物，舒缓干燥泛红带来的不适。喷头雾化细腻，可隔妆使用。50ml 小瓶可随身携带，方便登机。',
    repurchaseCycleDays: 30,
    fulfilment: BOTH,
    tags: [],
    featured: false,
    art: { hue: 200, shape: 'bottle', label: 'MIST' },
    skus: [
      { specs: { 容量: '50ml' }, priceFen: 6900, stock: 420 },
      { specs: { 容量: '150ml' }, priceFen: 11900, stock: 180 },
    ],
  }),

  // ---------- 精华眼霜 ----------
  product({
    slug: 'cica-b5-repair-serum',
    categoryId: 'c-serum',
    title: '青禾积雪草 B5 修护精华',
    subtitle: '品牌明星「小绿瓶」，稳住屏障',
    description:
      '积雪草提取物搭配 5% 泛醇（维生素原 B5）与神经酰胺，帮助维稳泛红、强韧肌肤屏障。质地清透不黏腻，早晚洁面爽肤后取 3-4 滴。换季与刷酸期间尤其推荐。',
    repurchaseCycleDays: 30,
    fulfilment: BOTH,
    tags: ['热销'],
    featured: true,
    art: { hue: 165, shape: 'dropper', label: 'B5' },
    skus: [
      { specs: { 容量: '30ml', 规格: '单支' }, priceFen: 25900, stock: 240 },
      { specs: { 容量: '30ml', 规格: '两支装' }, priceFen: 45900, originalPriceFen: 51800, stock: 80 },
      { specs: { 容量: '50ml', 规格: '单支' }, priceFen: 38900, stock: 110 },
      { specs: { 容量: '50ml', 规格: '两支装' }, priceFen: 69900, originalPriceFen: 77800, stock: 0 },
    ],
  }),
  product({
    slug: 'vitamin-c-brightening-serum',
    categoryId: 'c-serum',
    title: '15% 维C焕亮精华',
    subtitle: '早C一瓶，提亮肤色',
    description:
      '15% 维生素C衍生物（抗坏血酸葡糖苷）搭配阿魏酸，温和提亮、改善暗沉。避光棕色瓶保存，开封后建议三个月内用完。白天使用请配合防晒。',
    repurchaseCycleDays: 30,
    fulfilment: BOTH,
    tags: [],
    featured: true,
    art: { hue: 28, shape: 'dropper', label: 'VC' },
    skus: [
      { specs: { 容量: '15ml' }, priceFen: 16900, stock: 130 },
      { specs: { 容量: '30ml' }, priceFen: 29900, originalPriceFen: 32900, stock: 88 },
    ],
  }),
  product({
    slug: 'retinol-night-serum',
    categoryId: 'c-serum',
    title: '0.1% 视黄醇夜间精华',
    subtitle: '晚A入门款，细腻平滑',
    description:
      '0.1% 视黄醇微囊包裹，搭配角鲨烷与红没药醇，降低初用不适。建议夜间使用，从每周两次逐步建立耐受。孕期及哺乳期不建议使用。',
    repurchaseCycleDays: 30,
    fulfilment: BOTH,
    tags: ['新品'],
    featured: false,
    art: { hue: 260, shape: 'dropper', label: 'A' },
    skus: [
      { specs: { 规格: '单支' }, priceFen: 32900, stock: 70 },
      { specs: { 规格: '两支装' }, priceFen: 59900, originalPriceFen: 65800, stock: 25 },
    ],
  }),
  product({
    slug: 'niacinamide-even-tone-serum',
    categoryId: 'c-serum',
    title: '烟酰胺匀亮精华',
    subtitle: '5% 烟酰胺，均匀肤色',
    description:
      '5% 烟酰胺搭配甘草提取物，帮助改善肤色不均与痘印观感。凝露质地，吸收后清爽哑光。首次使用建议先在耳后试用。',
    repurchaseCycleDays: 30,
    fulfilment: BOTH,
    tags: [],
    featured: false,
    art: { hue: 210, shape: 'dropper', label: 'B3' },
    skus: [
      { specs: { 容量: '30ml' }, priceFen: 19900, stock: 160 },
      { specs: { 容量: '50ml' }, priceFen: 29900, stock: 64 },
    ],
  }),
  product({
    slug: 'peptide-firming-eye-cream',
    categoryId: 'c-serum',
    title: '多肽紧致眼霜',
    subtitle: '金属按摩头，早晚轻推',
    description:
      '含棕榈酰三肽-1与咖啡因，帮助改善眼周干纹与浮肿观感。软管配金属按摩头，取米粒大小由内向外轻推。质地丰润，不易长脂肪粒。',
    repurchaseCycleDays: 60,
    fulfilment: BOTH,
    tags: [],
    featured: false,
    art: { hue: 20, shape: 'tube', label: 'EYE' },
    skus: standard(23900, 90),
  }),
  product({
    slug: 'osmanthus-limited-gift-set',
    categoryId: 'c-serum',
    title: '桂花限定修护礼盒',
    subtitle: '中秋限定 · 限量 2000 份',
    description:
      '中秋限定礼盒，内含小绿瓶修护精华 30ml、玻尿酸精华水 150ml 与桂花香氛手霜 30g。桂花纹样烫金外盒，附手写贺卡。限量 2000 份，感谢会员支持。',
    repurchaseCycleDays: 90,
    fulfilment: EXPRESS_ONLY,
    tags: ['会员专享'],
    featured: false,
    art: { hue: 38, shape: 'box', label: '2024' },
    skus: [
      { specs: { 规格: '礼盒装' }, priceFen: 49900, originalPriceFen: 62700, stock: 0 },
      { specs: { 规格: '礼盒装+手提袋' }, priceFen: 50900, originalPriceFen: 63700, stock: 0 },
    ],
  }),

  // ---------- 面霜乳液 ----------
  product({
    slug: 'hydra-barrier-cream',
    categoryId: 'c-cream',
    title: '青禾保湿修护面霜',
    subtitle: '神经酰胺锁水，一抹柔润',
    description:
      '三重神经酰胺与乳木果油模拟肌肤天然脂质，帮助锁住水分。清爽型为乳霜质地，适合油皮与夏季；滋润型更丰盈，适合干皮与秋冬夜间。',
    repurchaseCycleDays: 60,
    fulfilment: BOTH,
    tags: ['热销'],
    featured: true,
    art: { hue: 32, shape: 'jar', label: '02' },
    skus: [
      { specs: { 肤质: '清爽型', 容量: '30g' }, priceFen: 19900, stock: 150 },
      { specs: { 肤质: '清爽型', 容量: '50g' }, priceFen: 29900, originalPriceFen: 32900, stock: 120 },
      { specs: { 肤质: '滋润型', 容量: '30g' }, priceFen: 19900, stock: 12 },
      { specs: { 肤质: '滋润型', 容量: '50g' }, priceFen: 29900, originalPriceFen: 32900, stock: 140 },
    ],
  }),
  product({
    slug: 'barrier-lotion',
    categoryId: 'c-cream',
    title: '屏障修护乳液',
    subtitle: '轻薄乳液，水油平衡',
    description:
      '角鲨烷与积雪草苷打造轻盈乳液，上脸迅速吸收，不搓泥。适合作为精华后的最后一步，或混合肌的夏季面霜替代。',
    repurchaseCycleDays: 45,
    fulfilment: BOTH,
    tags: [],
    featured: false,
    art: { hue: 175, shape: 'pump', label: 'LOTION' },
    skus: [
      { specs: { 容量: '100ml' }, priceFen: 16900, stock: 200 },
      { specs: { 容量: '150ml' }, priceFen: 22900, stock: 85 },
    ],
  }),
  product({
    slug: 'centella-night-cream',
    categoryId: 'c-cream',
    title: '积雪草晚安修护霜',
    subtitle: '夜间厚敷，醒来透润',
    description:
      '积雪草、红没药醇与 2% 角鲨烷组成的夜间修护霜，质地丰厚却不闷。睡前作为最后一步薄涂，干燥季节可厚敷当作睡眠面膜。',
    repurchaseCycleDays: 60,
    fulfilment: BOTH,
    tags: ['新品'],
    featured: false,
    art: { hue: 150, shape: 'jar', label: 'NIGHT' },
    skus: standard(26900, 60),
  }),
  product({
    slug: 'oat-body-lotion',
    categoryId: 'c-cream',
    title: '燕麦舒缓身体乳',
    subtitle: '全家可用，秋冬不起皮',
    description:
      '胶态燕麦与尿囊素舒缓干痒，质地清爽不黏衣。淡淡植物香，洗澡后趁身体微湿涂抹效果更好。大容量适合全家共用。',
    repurchaseCycleDays: 60,
    fulfilment: EXPRESS_ONLY,
    tags: [],
    featured: false,
    art: { hue: 50, shape: 'pump', label: 'BODY' },
    skus: [
      { specs: { 容量: '300ml' }, priceFen: 9900, stock: 240 },
      { specs: { 容量: '500ml' }, priceFen: 13900, originalPriceFen: 15900, stock: 130 },
    ],
  }),
  product({
    slug: 'hydration-routine-set',
    categoryId: 'c-cream',
    title: '玻尿酸水乳护肤套装',
    subtitle: '精华水+乳液+面霜，一套搞定',
    description:
      '包含玻尿酸精华水 150ml、屏障修护乳液 100ml 与保湿修护面霜 30g，覆盖基础补水保湿步骤。旅行套装为三件 30ml/g 分装，适合出差与初次体验。',
    repurchaseCycleDays: 90,
    fulfilment: BOTH,
    tags: ['会员专享'],
    featured: false,
    art: { hue: 188, shape: 'box', label: 'SET' },
    skus: [
      { specs: { 规格: '正装套装' }, priceFen: 45900, originalPriceFen: 52700, stock: 60 },
      { specs: { 规格: '旅行套装' }, priceFen: 12900, originalPriceFen: 14900, stock: 150 },
    ],
  }),

  // ---------- 防晒隔离 ----------
  product({
    slug: 'light-fluid-sunscreen',
    categoryId: 'c-sunscreen',
    title: '青禾轻薄防晒乳 SPF50+',
    subtitle: '水感轻薄，通勤户外都安心',
    description:
      'SPF50+ PA++++ 高倍防护，新型化学防晒剂搭配物理防晒剂，质地如乳液般轻薄。不泛白、不搓泥，可作妆前打底。出门前 15 分钟足量涂抹，户外每两小时补涂。',
    repurchaseCycleDays: 45,
    fulfilment: BOTH,
    tags: ['热销'],
    featured: true,
    art: { hue: 44, shape: 'tube', label: 'SPF50' },
    skus: [
      { specs: { 容量: '30ml', 规格: '单支' }, priceFen: 12900, stock: 300 },
      { specs: { 容量: '30ml', 规格: '两支装' }, priceFen: 22900, originalPriceFen: 25800, stock: 140 },
      { specs: { 容量: '50ml', 规格: '单支' }, priceFen: 16900, stock: 220 },
      { specs: { 容量: '50ml', 规格: '两支装' }, priceFen: 29900, originalPriceFen: 33800, stock: 90 },
    ],
  }),
  product({
    slug: 'tinted-tone-up-sunscreen',
    categoryId: 'c-sunscreen',
    title: '素颜隔离防晒霜 SPF35',
    subtitle: '自然提亮，一步素颜妆',
    description:
      'SPF35 PA+++，微微带色，修饰肤色不均。自然色适合黄一白至自然肤色，象牙白适合偏白肤色。日常通勤与室内办公足够。',
    repurchaseCycleDays: 45,
    fulfilment: BOTH,
    tags: [],
    featured: false,
    art: { hue: 24, shape: 'tube', label: 'SPF35' },
    skus: [
      { specs: { 色号: '自然色' }, priceFen: 14900, stock: 110 },
      { specs: { 色号: '象牙白' }, priceFen: 14900, stock: 70 },
    ],
  }),
  product({
    slug: 'sunscreen-stick',
    categoryId: 'c-sunscreen',
    title: '清透防晒棒 SPF50+',
    subtitle: '不沾手补涂，隔妆可用',
    description:
      '透明棒状质地，旋出即可涂抹，不沾手也不破坏底妆。适合包里常备，户外运动与出游补涂都方便。',
    repurchaseCycleDays: 45,
    fulfilment: BOTH,
    tags: [],
    featured: false,
    art: { hue: 60, shape: 'tube', label: 'STICK' },
    skus: standard(11900, 180, 13900),
  }),
  product({
    slug: 'after-sun-aloe-gel',
    categoryId: 'c-sunscreen',
    title: '芦荟晒后修护凝胶',
    subtitle: '冰感舒缓，晒后急救',
    description:
      '92% 芦荟叶汁搭配薄荷醇，清凉舒缓日晒后的干燥发烫。可冷藏后使用，面部与身体通用。质地水润，吸收后不黏腻。',
    repurchaseCycleDays: 60,
    fulfilment: BOTH,
    tags: [],
    featured: false,
    art: { hue: 130, shape: 'jar', label: 'ALOE' },
    skus: standard(8900, 160),
  }),

  // ---------- 面膜护理 ----------
  product({
    slug: 'hyaluronic-sheet-mask',
    categoryId: 'c-mask',
    title: '玻尿酸补水面膜',
    subtitle: '天丝膜布，一片喝饱水',
    description:
      '天丝膜布轻薄服帖，每片含 25ml 玻尿酸精华液。敷 15 分钟后揭下，轻拍至吸收即可。每周 2-3 次，熬夜或飞行后尤其推荐。',
    repurchaseCycleDays: 30,
    fulfilment: BOTH,
    tags: ['热销'],
    featured: true,
    art: { hue: 195, shape: 'sachet', label: 'HA' },
    skus: [
      { specs: { 规格: '5片装' }, priceFen: 9900, stock: 380 },
      { specs: { 规格: '10片装' }, priceFen: 17900, originalPriceFen: 19800, stock: 260 },
    ],
  }),
  product({
    slug: 'cica-repair-sheet-mask',
    categoryId: 'c-mask',
    title: '积雪草修护面膜',
    subtitle: '换季泛红，敷一片安心',
    description:
      '积雪草提取物与泛醇帮助舒缓换季不适，精华液偏清爽不黏腻。膜布剪裁贴合亚洲脸型，鼻翼与下颌都能覆盖到位。',
    repurchaseCycleDays: 30,
    fulfilment: BOTH,
    tags: [],
    featured: false,
    art: { hue: 150, shape: 'sachet', label: 'CICA' },
    skus: [
      { specs: { 规格: '5片装' }, priceFen: 10900, stock: 300 },
      { specs: { 规格: '10片装' }, priceFen: 19900, stock: 200 },
      { specs: { 规格: '20片装' }, priceFen: 36900, originalPriceFen: 43600, stock: 45 },
    ],
  }),
  product({
    slug: 'white-clay-mask',
    categoryId: 'c-mask',
    title: '白泥净肤涂抹面膜',
    subtitle: '十分钟清洁，毛孔清爽',
    description:
      '高岭土与膨润土吸附多余油脂，添加甘油避免过度干燥。薄涂于 T 区或全脸，10 分钟后温水洗净。每周 1-2 次即可。',
    repurchaseCycleDays: 60,
    fulfilment: BOTH,
    tags: [],
    featured: false,
    art: { hue: 70, shape: 'jar', label: 'CLAY' },
    skus: standard(13900, 120),
  }),
  product({
    slug: 'overnight-sleeping-mask',
    categoryId: 'c-mask',
    title: '夜间睡眠面膜',
    subtitle: '免洗厚涂，一觉醒来水润',
    description:
      '透明啫喱质地，含海藻糖与β-葡聚糖，在夜间持续保湿。作为晚间护肤最后一步厚涂，次日清晨洗净。无需揭洗，适合忙碌的上班族。',
    repurchaseCycleDays: 45,
    fulfilment: BOTH,
    tags: [],
    featured: false,
    art: { hue: 240, shape: 'jar', label: 'SLEEP' },
    skus: standard(15900, 95),
  }),
  product({
    slug: 'in-store-facial-voucher',
    categoryId: 'c-mask',
    title: '门店面部护理体验券',
    subtitle: '上海门店 60 分钟专业护理',
    description:
      '由门店美容顾问提供 60 分钟面部护理：肌肤检测、深层清洁、精华导入与面膜舒缓。可在上海任一青禾专柜使用，请提前在小程序预约时间。有效期 90 天。',
    repurchaseCycleDays: 30,
    fulfilment: PICKUP_ONLY,
    tags: ['会员专享'],
    featured: true,
    art: { hue: 150, shape: 'leaf', label: 'SPA' },
    skus: [
      { specs: { 规格: '单次体验' }, priceFen: 19800, stock: 50 },
      { specs: { 规格: '三次护理卡' }, priceFen: 49800, originalPriceFen: 59400, stock: 30 },
    ],
  }),
  product({
    slug: 'skin-analysis-trial-kit',
    categoryId: 'c-mask',
    title: '门店肌肤检测+小样礼',
    subtitle: '到店检测，领取专属小样',
    description:
      '到店使用专业仪器检测水油、敏感与色素情况，顾问根据结果推荐护肤方案，并赠送三件小样。每位会员限购一次，需到门店自提。',
    repurchaseCycleDays: 90,
    fulfilment: PICKUP_ONLY,
    tags: ['会员专享'],
    featured: false,
    art: { hue: 100, shape: 'leaf', label: 'TEST' },
    skus: standard(990, 200),
  }),
  product({
    slug: 'hyaluronic-essence-refill',
    categoryId: 'c-toner',
    title: '玻尿酸精华水 补充装',
    subtitle: '环保替换装，省 ¥30',
    description:
      '与玻尿酸精华水配方一致的 250ml 软袋补充装，倒入原瓶继续使用，减少约 70% 塑料用量。开封后请尽快倒入瓶中并在六个月内用完。',
    repurchaseCycleDays: 45,
    fulfilment: EXPRESS_ONLY,
    tags: [],
    featured: false,
    art: { hue: 188, shape: 'sachet', label: 'REFILL' },
    skus: [
      { specs: { 肤质: '清爽型' }, priceFen: 19900, stock: 140 },
      { specs: { 肤质: '滋润型' }, priceFen: 19900, stock: 110 },
    ],
  }),
];

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
  categories,
  products,
  banners,
};
