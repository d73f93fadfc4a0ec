/** The shape of a demo store's content, as the seed script writes it. */
import type { ProductArt } from '../../catalog';

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
  /** Where 退货退款 goods go back. */
  returnAddress: string;
  categories: SeedCategory[];
  products: SeedProduct[];
  banners: SeedBanner[];
}
