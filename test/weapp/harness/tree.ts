import { TEXT_NN, type NodeTemplate } from './templates';

/** A node of Taro's rendered data tree, as `setData` delivered it. */
export interface RawNode {
  nn?: string | number;
  sid?: string;
  uid?: string;
  cl?: string;
  st?: string;
  v?: string;
  cn?: RawNode[];
  [field: string]: unknown;
}

/**
 * Splits a `setData` key into steps. WeChat accepts `a.b`, `a[0]` and Taro writes `root.cn.[0].cn.[1].p25`
 * (`.[i]`): every form ends up as object keys and array indexes.
 */
export function pathSteps(key: string): Array<string | number> {
  const steps: Array<string | number> = [];
  for (const [, name, index] of key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    steps.push(index !== undefined ? Number(index) : name!);
  }
  if (steps.length === 0) throw new Error(`setData: empty key ${JSON.stringify(key)}`);
  return steps;
}

/**
 * Applies one `setData` call to a page's data the way WeChat does: each key is a path, missing
 * objects and arrays on the way are created, and values are copied as JSON (WeChat serialises them
 * across to the view layer, so functions and undefined never arrive).
 */
export function applySetData(data: Record<string, unknown>, changes: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(changes)) {
    const steps = pathSteps(key);
    let at: Record<string | number, unknown> = data;
    for (let i = 0; i < steps.length - 1; i++) {
      const step = steps[i]!;
      const next = at[step];
      if (next === null || typeof next !== 'object') at[step] = typeof steps[i + 1] === 'number' ? [] : {};
      at = at[step] as Record<string | number, unknown>;
    }
    const last = steps[steps.length - 1]!;
    at[last] = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }
}

/** One element of a page as it is rendered: its tag, id, classes, text, and the node fields behind them. */
export class ViewNode {
  constructor(
    readonly raw: RawNode,
    readonly parent: ViewNode | null,
    private readonly templates: Map<string, NodeTemplate>,
  ) {}

  get nn(): string {
    return String(this.raw.nn ?? '');
  }
  get template(): NodeTemplate | undefined {
    return this.templates.get(this.nn);
  }
  /** `view`, `text`, `button`, `input`, ... or `#text`; `?<nn>` for a kind `base.wxml` does not know. */
  get tag(): string {
    return this.template?.tag ?? `?${this.nn}`;
  }
  /** The JSX `id` when there is one, else Taro's own element id (what WXML renders as `id`). */
  get id(): string {
    return this.raw.uid || this.raw.sid || '';
  }
  get sid(): string {
    return this.raw.sid ?? '';
  }
  get classes(): string[] {
    return (this.raw.cl ?? '').split(/\s+/).filter(Boolean);
  }
  hasClass(name: string): boolean {
    return this.classes.includes(name);
  }
  get children(): ViewNode[] {
    return (this.raw.cn ?? []).filter(Boolean).map((c) => new ViewNode(c, this, this.templates));
  }
  /** Rendered but not shown: its own style says `display: none` (a closed NutUI popup stays in the tree so). */
  get hidden(): boolean {
    return /(^|;)\s*display:\s*none/.test(this.raw.st ?? '');
  }
  /** Shown: neither it nor an ancestor is hidden. */
  get visible(): boolean {
    return !this.hidden && !this.ancestors().some((a) => a.hidden);
  }
  private get shownChildren(): ViewNode[] {
    return this.children.filter((c) => !c.hidden);
  }
  /** An attribute as the template renders it (`disabled`, `open-type`, `type`, `src` ...). */
  attr(name: string): unknown {
    const field = this.template?.fields.get(name);
    return field === undefined ? undefined : this.raw[field];
  }
  /** Whether the template binds this event to Taro's handler (`tap`, `input`, ...). */
  binds(event: string): boolean {
    return this.template?.events.has(event) ?? false;
  }
  /** Every text shown below this node, joined without separators (NutUI splits a price into several). */
  text(): string {
    if (this.nn === TEXT_NN) return String(this.raw.v ?? '');
    return this.shownChildren.map((c) => c.text()).join('');
  }
  /** The text nodes shown below, each trimmed, empty ones left out. */
  texts(): string[] {
    if (this.nn === TEXT_NN) {
      const v = String(this.raw.v ?? '').trim();
      return v ? [v] : [];
    }
    return this.shownChildren.flatMap((c) => c.texts());
  }
  /** This node and everything below it, in document order (hidden subtrees too). */
  *walk(): Generator<ViewNode> {
    yield this;
    for (const child of this.children) yield* child.walk();
  }
  /** Like `walk`, leaving out hidden subtrees. */
  *walkShown(): Generator<ViewNode> {
    if (this.hidden) return;
    yield this;
    for (const child of this.children) yield* child.walkShown();
  }
  ancestors(): ViewNode[] {
    const out: ViewNode[] = [];
    for (let p = this.parent; p; p = p.parent) out.push(p);
    return out;
  }
  /** The shown nodes that match (hidden subtrees are what the page does not show). */
  findAll(match: (node: ViewNode) => boolean): ViewNode[] {
    return [...this.walkShown()].filter(match);
  }
  /** `#id`, `.class` or a tag name, among the shown nodes. */
  query(selector: string): ViewNode | undefined {
    return this.queryAll(selector)[0];
  }
  queryAll(selector: string): ViewNode[] {
    return this.findAll(selectorMatcher(selector));
  }
  /**
   * The innermost elements whose text contains `text` (or matches it): the button, not the page
   * around it. Text nodes themselves are not returned, their element is.
   */
  byText(text: string | RegExp): ViewNode[] {
    const hit = (n: ViewNode) => (typeof text === 'string' ? n.text().includes(text) : text.test(n.text()));
    return this.findAll((n) => n.nn !== TEXT_NN && hit(n) && !n.children.some((c) => c.nn !== TEXT_NN && hit(c)));
  }
  describe(): string {
    const id = this.raw.uid ? `#${this.raw.uid}` : '';
    const cls = this.classes.length ? `.${this.classes.slice(0, 3).join('.')}` : '';
    return `<${this.tag}${id}${cls}> "${this.text().slice(0, 60)}"`;
  }
}

function selectorMatcher(selector: string): (node: ViewNode) => boolean {
  if (selector.startsWith('#')) return (n) => n.raw.uid === selector.slice(1) || n.raw.sid === selector.slice(1);
  if (selector.startsWith('.')) return (n) => n.hasClass(selector.slice(1));
  return (n) => n.tag === selector;
}
