/**
 * ESLint rule `contexts/front-door`: keeps the space between cloudfunctions/core's contexts as the
 * house plan in contexts.js draws it. For every relative import (static, dynamic, re-export) of a
 * file under cloudfunctions/:
 * 1. a context is entered only through its front door, `core/<context>/index.ts`;
 * 2. a context imports another context only along an allowed arrow (the arrows form no circle);
 * 3. the kernel imports no context (the contract may read what a context publishes to it);
 * 4. composition (and the deployed functions and the gateway) may import any front door.
 */
const path = require('node:path');
const { contexts, kernel, composition, allowed, published } = require('./contexts');

const CORE = path.join('cloudfunctions', 'core');

/** Where a file sits: `{ kind, name }` with kind context | kernel | composition | outside. */
function placeOf(file, root) {
  const rel = path.relative(path.join(root, CORE), file).split(path.sep).join('/');
  if (rel.startsWith('..'))
    return {
      kind: path.relative(root, file).startsWith('cloudfunctions') ? 'composition' : 'outside',
      name: null,
      rel,
    };
  const [head, next] = rel.split('/');
  if (composition.includes(`${head}/${next}`)) return { kind: 'composition', name: `${head}/${next}`, rel };
  // `../errors` names the file errors.ts, `../ratelimit` the folder's index: try both spellings.
  const names = next === undefined ? [head, `${head.replace(/\.ts$/, '')}.ts`] : [head];
  for (const top of names) {
    if (contexts.includes(top)) return { kind: 'context', name: top, rel };
    if (kernel.includes(top)) return { kind: 'kernel', name: top, rel };
    if (composition.includes(top)) return { kind: 'composition', name: top, rel };
  }
  return { kind: 'unplaced', name: names[names.length - 1], rel };
}

function isFrontDoor(rel, context) {
  return rel === context || rel === `${context}/index` || rel === `${context}/index.ts`;
}

/** A context's outbox subscriber registration, opened by core/subscribers only. */
function isSubscriberFile(rel, context) {
  return rel === `${context}/${context}.subscribers` || rel === `${context}/${context}.subscribers.ts`;
}

module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'contexts are entered through their front door, along the allowed arrows only' },
    schema: [],
    messages: {
      pastFrontDoor:
        "{{from}} imports {{target}}: another context's inside. Import '{{context}}/index' (its front door) and export what you need there.",
      noArrow:
        '{{from}} (context {{source}}) imports context {{context}}: no such arrow in config/eslint/contexts.js. Contexts that must react to each other use a typed event or a seam.',
      kernelImportsContext:
        '{{from}} is kernel ({{source}}) and imports context {{context}}: the kernel stands under every context and imports none.',
      unplaced:
        '{{from}}: cloudfunctions/core/{{name}} is neither a context, the kernel nor composition: place it in config/eslint/contexts.js.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = placeOf(file, root);
    if (from.kind === 'outside') return {};
    const fromRel = path.relative(root, file);

    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(file), source);
      const to = placeOf(resolved, root);
      if (to.kind === 'unplaced')
        return context.report({ node, messageId: 'unplaced', data: { from: fromRel, name: to.name } });
      if (to.kind !== 'context' || to.name === from.name) return;
      const data = { from: fromRel, target: `core/${to.rel}`, context: to.name, source: from.name };
      const publishedTo = (published[to.name] ?? []).some(
        (dir) => to.rel === `${to.name}/${dir}` || to.rel.startsWith(`${to.name}/${dir}/`),
      );
      if (from.name === 'contract' && publishedTo) return;
      if (from.kind === 'kernel') return context.report({ node, messageId: 'kernelImportsContext', data });
      if (from.name === 'subscribers.ts' && isSubscriberFile(to.rel, to.name)) return;
      if (!isFrontDoor(to.rel, to.name)) return context.report({ node, messageId: 'pastFrontDoor', data });
      if (from.kind === 'context' && !allowed[from.name].includes(to.name))
        context.report({ node, messageId: 'noArrow', data });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
  placeOf,
};
