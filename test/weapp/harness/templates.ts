import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One `tmpl_0_<nn>` template of `base.wxml`: the tag it renders and how its attributes read the node. */
export interface NodeTemplate {
  nn: string;
  tag: string;
  /** Events the template binds to Taro's handler (`bindtap="eh"` -> `tap`). */
  events: Set<string>;
  /** Attribute name -> the node field it reads (`disabled="{{i.p2}}"` -> `p2`). */
  fields: Map<string, string>;
}

/** The text node: `<block>{{i.v}}</block>`. */
export const TEXT_NN = '9';

/**
 * Reads how Taro renders its element tree in WXML: `base.wxml` holds one template per node kind,
 * `tmpl_<depth>_<nn>`; the depth-0 ones name every kind. An input has two (`_focus`, `_blur`).
 */
export function readTemplates(dist: string): Map<string, NodeTemplate> {
  const wxml = readFileSync(join(dist, 'base.wxml'), 'utf8');
  const templates = new Map<string, NodeTemplate>();
  const pattern = /<template name="tmpl_0_(\d+)(?:_(focus|blur))?">\s*<([a-z-]+)([^>]*)>/g;
  for (const [, nn, variant, tag, attrs] of wxml.matchAll(pattern)) {
    if (variant === 'focus' || tag === 'template') continue;
    const events = new Set([...attrs!.matchAll(/(?:bind|catch)(\w+)="eh"/g)].map((m) => m[1]!));
    const fields = new Map<string, string>();
    for (const [, name, expr] of attrs!.matchAll(/([\w-]+)="\{\{([^"]*)\}\}"/g)) {
      const field = /\bi\.(\w+)/.exec(expr!)?.[1];
      if (field) fields.set(name!, field);
    }
    templates.set(nn!, { nn: nn!, tag: tag!, events, fields });
  }
  // The text node renders `{{i.v}}` in a bare <block>.
  templates.set(TEXT_NN, { nn: TEXT_NN, tag: '#text', events: new Set(), fields: new Map([['v', 'v']]) });
  return templates;
}
