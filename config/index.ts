import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** Build-time values the client reads as `process.env.X`; defaults keep a bare build working. */
function clientEnv(): Record<string, string> {
  const pick = (key: string, fallback: string) => JSON.stringify(process.env[key] ?? fallback);
  return {
    // 'cloud' = Taro.cloud.callFunction; 'http' = Taro.request to a self-hosted gateway.
    TARO_APP_API_MODE: pick('TARO_APP_API_MODE', 'cloud'),
    TARO_APP_API_BASE: pick('TARO_APP_API_BASE', ''),
    TARO_APP_CLOUD_ENV: pick('TARO_APP_CLOUD_ENV', ''),
    TARO_APP_MEDIA_BASE: pick('TARO_APP_MEDIA_BASE', ''),
    // H5: the public address copied invite, team and staff links start with (empty: the page's own).
    TARO_APP_PUBLIC_BASE_URL: pick('TARO_APP_PUBLIC_BASE_URL', ''),
  };
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'member-storefront',
    date: '2025-1-1',
    // NutUI is drawn at 375 px; our own styles at 750 px.
    designWidth(input: any) {
      const file: string = input?.file?.replace(/\\+/g, '/') ?? '';
      return file.includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-html'],
    env: clientEnv(),
    defineConstants: {},
    // sitemap.json is not a page or an asset Taro knows: copied beside app.json (app.config sitemapLocation).
    copy: {
      patterns: process.env.TARO_ENV === 'weapp' ? [{ from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' }] : [],
      options: {},
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // Shared NutUI and component styles land in one common.wxss; their order across pages is irrelevant.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // The root font size follows the window's shorter side, capped at 22 px (a 412 px phone): a
        // desktop browser (the back office at 1280 px) keeps phone sizes instead of doubling them.
        pxtransform: { enable: true, config: { maxRootSize: 22 } },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
