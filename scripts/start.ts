/**
 * `npm start`: build the H5 storefront if its sources changed, then run the gateway on an embedded
 * PGlite database in .data/ (or DATABASE_URL), migrated and seeded with the demo store, with the
 * local dev sign-in on.
 */
import { ensureTaroBuild } from './lib/taro-build';

const production = process.env.NODE_ENV === 'production';
process.env.DEV_AUTH ??= production ? '0' : '1';
process.env.DATA_DIR ??= '.data/pglite';
process.env.LOG_LEVEL ??= 'warn';
// A first start on a laptop shows a few months of demo trade (dashboards, RFM, repurchase): once.
if (!production) process.env.SEED_DEMO_HISTORY ??= '1';

if (process.env.SKIP_H5_BUILD !== '1') ensureTaroBuild('h5');
// The gateway entry point starts on import.
require('../cloudfunctions/gateway/main');
