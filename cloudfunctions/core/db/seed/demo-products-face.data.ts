/** Demo products, part one: 洁面卸妆, 爽肤水/精华水, 精华眼霜. */
import type { SeedProduct } from './seed.types';
import { BOTH, EXPRESS_ONLY, product, standard } from './demo-catalog.builder';

export const faceProducts: Array<Omit<SeedProduct, 'sort'>> = [
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
];
