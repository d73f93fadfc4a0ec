/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';
declare module '*.sass';

declare namespace NodeJS {
  // Optional: this file is also in scope for server code and tests, which build env objects of their own.
  // In the client, Taro's build replaces each of these with a literal (config/index.ts gives defaults).
  interface ProcessEnv {
    NODE_ENV?: 'development' | 'production' | 'test';
    TARO_ENV?: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    TARO_APP_ID?: string;
    /** 'cloud' (Taro.cloud.callFunction, default) or 'http' (Taro.request to a self-hosted gateway). */
    TARO_APP_API_MODE?: 'cloud' | 'http';
    /** Origin of the self-hosted gateway, e.g. https://shop.example.com. */
    TARO_APP_API_BASE?: string;
    /** WeChat Cloud environment id. */
    TARO_APP_CLOUD_ENV?: string;
    /** Prefix for media paths on weapp (images are never bundled). */
    TARO_APP_MEDIA_BASE?: string;
    TARO_APP_PUBLIC_BASE_URL?: string;
  }
}
