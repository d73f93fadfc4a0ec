import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../core/db/db';
import { fail, httpStatusOf, type Envelope } from '../core/errors';
import { findArt, findBannerText, renditionOf } from '../core/catalog';
import { PRODUCT_IMAGE_COUNT } from '../core/catalog';
import { renderBannerArt, renderCategoryIcon, renderProductArt, type ProductArt } from '../core/catalog';
import type { Platform } from '../core/platform/platform';
import type { LocalStorage } from '../core/platform/local/storage.local';
import { checkUpload, isReportKey, isStorageKey, MEDIA_MAX_BYTES } from '../core/platform/media/upload-check';
import type { RateLimiter } from '../core/ratelimit';
import { findCaller } from '../core/member';
import { readMultipartFile } from './multipart';
import { rasterize } from './rasterize';

const NOT_FOUND = { ok: false, error: { code: 'NOT_FOUND', message: '图片不存在' } } as const;
const LINK_EXPIRED = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '下载链接已过期，请在数据导出页重新下载' },
} as const;
const SVG_HEADERS = { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=86400' };
const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg' };
const REPORT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
/** Multipart framing around a file of MEDIA_MAX_BYTES. */
const UPLOAD_BODY_LIMIT = MEDIA_MAX_BYTES + 64 * 1024;

export interface MediaRouteDeps {
  db: Db;
  storeId: string;
  platform: Platform & { storage: LocalStorage };
  rateLimiter: RateLimiter | null;
  /** The gateway's clock: the store share cover is drawn from the banner showing at this time. */
  now: () => Date;
}

function send(reply: FastifyReply, envelope: Envelope<unknown>) {
  return reply.code(httpStatusOf(envelope)).send(envelope);
}

/**
 * `/media/<key>`: the local storage port's files (uploads, renditions). A catalog PNG that is not on
 * disk yet is rendered from its row's `art` and stored, so a fresh machine needs no render step.
 * `POST /api/media/avatar`: a signed-in member's avatar (multipart, as `Taro.uploadFile` sends it),
 * PNG or JPEG by its bytes, at most 2 MB; answers the file id for `member.updateProfile`.
 */
export function registerMediaRoutes(app: FastifyInstance, deps: MediaRouteDeps): void {
  const { db, platform } = deps;
  // A page asks for the same missing picture from several places at once: render it once.
  const rendering = new Map<string, Promise<Buffer | null>>();
  const renderOnce = (key: string): Promise<Buffer | null> => {
    let pending = rendering.get(key);
    if (!pending) {
      pending = (async () => {
        const rendition = await renditionOf(db.kysely, deps.storeId, key, deps.now());
        if (!rendition) return null;
        const png = await rasterize(rendition.svg, rendition.width);
        await platform.storage.put(png, key, 'image/png');
        return png;
      })().finally(() => rendering.delete(key));
      rendering.set(key, pending);
    }
    return pending;
  };

  app.get<{ Params: { '*': string }; Querystring: { exp?: string; sig?: string } }>('/media/*', async (req, reply) => {
    const key = req.params['*'];
    if (key.endsWith('.svg')) {
      const svg = await legacySvg(db, key);
      return svg ? reply.headers(SVG_HEADERS).send(svg) : reply.code(404).send(NOT_FOUND);
    }
    if (isReportKey(key)) {
      // A report is served only on a link manager.exportDownload signed moments ago, never on its name alone.
      if (!platform.storage.verifyReportLink(key, req.query.exp, req.query.sig))
        return reply.code(403).send(LINK_EXPIRED);
      const file = await platform.storage.read(key);
      if (!file) return reply.code(404).send(NOT_FOUND);
      const ext = key.endsWith('.csv') ? 'csv' : 'xlsx';
      return reply
        .headers({
          'content-type': REPORT_TYPES[ext],
          'content-disposition': `attachment; filename="${key.slice('exports/'.length)}"`,
          'cache-control': 'private, no-store',
        })
        .send(file);
    }
    if (!isStorageKey(key)) return reply.code(404).send(NOT_FOUND);
    const bytes = (await platform.storage.read(key)) ?? (await renderOnce(key));
    if (!bytes) return reply.code(404).send(NOT_FOUND);
    const ext = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
    return reply
      .headers({ 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'public, max-age=86400' })
      .send(bytes);
  });

  app.register(async (scope) => {
    // Multipart bodies arrive as raw bytes for this route only; every other route keeps its 100 KB JSON limit.
    scope.addContentTypeParser(
      /^multipart\/form-data/,
      { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT },
      (_r, body, done) => done(null, body),
    );
    scope.post('/api/media/avatar', { bodyLimit: UPLOAD_BODY_LIMIT }, async (req, reply) => {
      const openid = platform.identity.identify({ headers: req.headers }).openid;
      if (!openid) return send(reply, fail('UNAUTHENTICATED'));
      const policy = deps.rateLimiter?.policyFor('member.updateProfile', true);
      if (policy) {
        const decision = await deps.rateLimiter!.check(db.kysely, policy, openid, req.ip);
        if (!decision.ok) return send(reply, fail('RATE_LIMITED', undefined, { limit: decision.limit }));
      }
      const file = Buffer.isBuffer(req.body)
        ? readMultipartFile(req.body, String(req.headers['content-type'] ?? ''))
        : null;
      if (!file) return send(reply, fail('VALIDATION_FAILED', '请选择图片文件', { reason: 'NO_FILE_PART' }));
      const check = checkUpload(file);
      if (!check.ok) return send(reply, fail(check.code, undefined, check.details));
      const fileId = await platform.storage.put(file, avatarKey(openid, file, check.ext), check.contentType);
      const [url] = await platform.storage.urlFor([fileId]);
      return send(reply, { ok: true, data: { fileId, url } });
    });
    // The manager's catalog pictures (gallery, detail, SKU, category icon): managers only, same checks.
    scope.post('/api/media/catalog', { bodyLimit: UPLOAD_BODY_LIMIT }, async (req, reply) => {
      const openid = platform.identity.identify({ headers: req.headers }).openid;
      if (!openid) return send(reply, fail('UNAUTHENTICATED'));
      if ((await findCaller(db.kysely, deps.storeId, openid)).role !== 'manager') {
        return send(reply, fail('FORBIDDEN', undefined, { required: 'manager' }));
      }
      const file = Buffer.isBuffer(req.body)
        ? readMultipartFile(req.body, String(req.headers['content-type'] ?? ''))
        : null;
      if (!file) return send(reply, fail('VALIDATION_FAILED', '请选择图片文件', { reason: 'NO_FILE_PART' }));
      const check = checkUpload(file);
      if (!check.ok) return send(reply, fail(check.code, undefined, check.details));
      // Named by content: the same picture uploaded twice is one file, and a new one never hits an old cache.
      const key = `catalog/${createHash('sha256').update(file).digest('hex').slice(0, 24)}.${check.ext}`;
      const fileId = await platform.storage.put(file, key, check.contentType);
      const [url] = await platform.storage.urlFor([fileId]);
      return send(reply, { ok: true, data: { fileId, url } });
    });
  });
}

/** A key nobody can guess from the member and that changes with the picture (caches never show an old one). */
function avatarKey(openid: string, bytes: Buffer, ext: string): string {
  const who = createHash('sha256').update(`avatar:${openid}`).digest('hex').slice(0, 16);
  const what = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return `avatars/${who}-${what}.${ext}`;
}

/** The SVG drawings of the catalog art at their former paths (`.svg`), for links made before the PNG renditions. */
async function legacySvg(db: Db, key: string): Promise<string | null> {
  let m: RegExpExecArray | null;
  if ((m = /^products\/([^/]+)\/(\d)\.svg$/.exec(key))) {
    const n = Number(m[2]);
    const art = n >= 1 && n <= PRODUCT_IMAGE_COUNT ? await findArt(db.kysely, 'products', m[1]!) : null;
    return art ? renderProductArt(art as ProductArt, n) : null;
  }
  if ((m = /^categories\/([^/]+)\.svg$/.exec(key))) {
    const art = await findArt(db.kysely, 'categories', m[1]!);
    return art ? renderCategoryIcon(art as ProductArt) : null;
  }
  if ((m = /^banners\/([^/]+)\.svg$/.exec(key))) {
    const banner = await findBannerText(db.kysely, m[1]!);
    return banner?.art ? renderBannerArt(banner.art as ProductArt, banner.title, banner.subtitle) : null;
  }
  return null;
}
