/** The manager's home page: banners (image, typed link, schedule, order) and featured sections. */
import { z } from 'zod';
import { action, id } from '../action';

/** Pages a banner may open besides a product, a category or a 拼团 campaign (the client maps each to a route). */
export const HOME_LINK_PAGES = ['coupons', 'groupbuy', 'invite', 'benefits'] as const;
export type HomeLinkPage = (typeof HOME_LINK_PAGES)[number];

/** What a tap opens, as data: checked to exist when saved, turned into a route by the client. */
export type HomeLink = { kind: 'product' | 'category' | 'campaign'; id: string } | { kind: 'page'; id: HomeLinkPage };

/** When a banner shows: `live` now; `scheduled` later; `ended`; `inactive` switched off by the manager. */
export type BannerState = 'live' | 'scheduled' | 'ended' | 'inactive';

export interface ManagerBanner {
  bannerId: string;
  title: string;
  subtitle: string;
  image: string;
  art: BannerArt | null;
  link: HomeLink | null;
  /** The link's target as the manager reads it (商品「…」, 分类「…」...). */
  linkLabel: string;
  startsAt: string | null;
  endsAt: string | null;
  active: boolean;
  state: BannerState;
}

export interface BannerArt {
  hue: number;
  shape: 'bottle' | 'dropper' | 'jar' | 'tube' | 'pump' | 'sachet' | 'box' | 'leaf';
  label?: string;
}

export interface ManagerHomeSection {
  sectionId: string;
  title: string;
  kind: 'products' | 'newest';
  products: Array<{ productId: string; title: string }>;
  categoryId: string | null;
  categoryName: string | null;
  newestCount: number | null;
  active: boolean;
}

const text = (max: number) => z.string().trim().min(1).max(max);
// ISO-8601 allows year 0000, which timestamptz cannot hold: banner times are kept to this century.
const instant = z
  .string()
  .datetime({ offset: true })
  .refine((v) => {
    const year = new Date(v).getUTCFullYear();
    return year >= 2000 && year < 2100;
  }, 'a time between 2000 and 2099')
  .nullable();
const homeLink = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['product', 'category', 'campaign']), id }).strict(),
  z.object({ kind: z.literal('page'), id: z.enum(HOME_LINK_PAGES) }).strict(),
]);
const bannerArt = z
  .object({
    hue: z.number().int().min(0).max(359),
    shape: z.enum(['bottle', 'dropper', 'jar', 'tube', 'pump', 'sachet', 'box', 'leaf']),
    label: z.string().trim().max(6).optional(),
  })
  .strict();
/** An image already in storage (`/media/...`, or a WeChat Cloud file id) instead of generated art. */
const storedImage = z
  .string()
  .max(300)
  .regex(/^(\/media\/[A-Za-z0-9/_-]+\.(png|jpg)|cloud:\/\/[\x21-\x7e]+)$/);
const move = z.object({ direction: z.enum(['up', 'down', 'first']) });

export const managerHomePageActions = {
  /** Every banner in the home page's order, with its state now. */
  'manager.listBanners': action<{ items: ManagerBanner[] }>()({
    input: z.object({}).strict(),
    role: 'manager',
  }),
  /** Creates (no `bannerId`) or edits a banner; its link must name something that exists. */
  'manager.saveBanner': action<ManagerBanner>()({
    input: z
      .object({
        bannerId: id.optional(),
        title: text(30),
        subtitle: z.string().trim().max(40),
        image: z.union([z.object({ art: bannerArt }).strict(), z.object({ stored: storedImage }).strict()]),
        link: homeLink,
        startsAt: instant,
        endsAt: instant,
        active: z.boolean(),
      })
      .strict(),
    role: 'manager',
    mutating: true,
  }),
  'manager.deleteBanner': action<{ bannerId: string }>()({
    input: z.object({ bannerId: id }).strict(),
    role: 'manager',
    mutating: true,
  }),
  /** One step up or down, or to the top; answers the new order. */
  'manager.moveBanner': action<{ order: string[] }>()({
    input: move.extend({ bannerId: id }).strict(),
    role: 'manager',
    mutating: true,
  }),
  'manager.listHomeSections': action<{ items: ManagerHomeSection[] }>()({
    input: z.object({}).strict(),
    role: 'manager',
  }),
  /** Creates or edits a section: chosen products in the given order, or the newest N of a category. */
  'manager.saveHomeSection': action<ManagerHomeSection>()({
    input: z
      .object({
        sectionId: id.optional(),
        title: text(20),
        content: z.discriminatedUnion('kind', [
          z
            .object({
              kind: z.literal('products'),
              productIds: z
                .array(id)
                .min(1)
                .max(20)
                .refine((ids) => new Set(ids).size === ids.length, { message: 'each product at most once' }),
            })
            .strict(),
          z.object({ kind: z.literal('newest'), categoryId: id, count: z.number().int().min(1).max(20) }).strict(),
        ]),
        active: z.boolean(),
      })
      .strict(),
    role: 'manager',
    mutating: true,
  }),
  'manager.deleteHomeSection': action<{ sectionId: string }>()({
    input: z.object({ sectionId: id }).strict(),
    role: 'manager',
    mutating: true,
  }),
  'manager.moveHomeSection': action<{ order: string[] }>()({
    input: move.extend({ sectionId: id }).strict(),
    role: 'manager',
    mutating: true,
  }),
} as const;
