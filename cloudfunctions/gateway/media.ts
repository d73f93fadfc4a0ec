import type { FastifyInstance } from 'fastify';
import type { Db } from '../core/db/db';
import { findArt, findBannerText } from '../core/catalog';
import { PRODUCT_IMAGE_COUNT } from '../core/catalog';
import { renderBannerArt, renderCategoryIcon, renderProductArt, type ProductArt } from '../core/catalog';

const NOT_FOUND = { ok: false, error: { code: 'NOT_FOUND', message: '图片不存在' } } as const;
const SVG_HEADERS = { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=86400' };

/** Catalog images, rendered from each row's `art` (nothing is fetched from the internet). */
export function registerMediaRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { id: string; file: string } }>('/media/products/:id/:file', async (req, reply) => {
    const n = Number(/^(\d)\.svg$/.exec(req.params.file)?.[1]);
    const art = n >= 1 && n <= PRODUCT_IMAGE_COUNT ? await findArt(db.kysely, 'products', req.params.id) : null;
    if (!art) return reply.code(404).send(NOT_FOUND);
    return reply.headers(SVG_HEADERS).send(renderProductArt(art as ProductArt, n));
  });
  app.get<{ Params: { file: string } }>('/media/categories/:file', async (req, reply) => {
    const id = req.params.file.replace(/\.svg$/, '');
    const art = await findArt(db.kysely, 'categories', id);
    if (!art) return reply.code(404).send(NOT_FOUND);
    return reply.headers(SVG_HEADERS).send(renderCategoryIcon(art as ProductArt));
  });
  app.get<{ Params: { file: string } }>('/media/banners/:file', async (req, reply) => {
    const banner = await findBannerText(db.kysely, req.params.file.replace(/\.svg$/, ''));
    if (!banner?.art) return reply.code(404).send(NOT_FOUND);
    return reply.headers(SVG_HEADERS).send(renderBannerArt(banner.art as ProductArt, banner.title, banner.subtitle));
  });
}
