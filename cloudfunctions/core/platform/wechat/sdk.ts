/**
 * The slice of wx-server-sdk this code uses. The SDK is installed by WeChat Cloud from each
 * function's package.json and is external to our bundles; tests pass a fake with the same shape.
 */
export interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: symbol | string;
  init(options: { env: symbol | string }): void;
  /** CLIENTIP / CLIENTIPV6: the caller's address as WeChat Cloud saw it; SOURCE: what triggered the call. */
  getWXContext(): {
    OPENID?: string;
    APPID?: string;
    UNIONID?: string;
    ENV?: string;
    CLIENTIP?: string;
    CLIENTIPV6?: string;
    SOURCE?: string;
  };
  /** Cloud storage: `cloudPath` is the path in the environment's bucket; the answer's `fileID` is `cloud://...`. */
  uploadFile?(params: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string; statusCode?: number }>;
  /** At most 50 files a call; `maxAge` in seconds, at most one day. `status` 0 is success per file. */
  getTempFileURL?(params: { fileList: Array<{ fileID: string; maxAge: number }> }): Promise<{
    fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg?: string }>;
  }>;
  /** At most 50 files a call; answers each file's `status` (0: deleted) and `errMsg`. */
  deleteFile?(params: { fileList: string[] }): Promise<{
    fileList: Array<{ fileID: string; status: number; errMsg?: string }>;
  }>;
  cloudPay?: {
    unifiedOrder(params: Record<string, unknown>): Promise<Record<string, any>>;
    refund(params: Record<string, unknown>): Promise<Record<string, any>>;
    queryOrder(params: Record<string, unknown>): Promise<Record<string, any>>;
    queryRefund(params: Record<string, unknown>): Promise<Record<string, any>>;
  };
  openapi?: {
    phonenumber?: {
      getPhoneNumber(params: { code: string }): Promise<Record<string, any>>;
    };
    wxacode?: {
      getUnlimited(params: Record<string, unknown>): Promise<Record<string, any>>;
    };
    subscribeMessage?: {
      send(params: Record<string, unknown>): Promise<Record<string, any>>;
    };
    /** Cloud calls `wxa.sec.order.uploadShippingInfo` / `getOrder`: the same snake_case bodies as the HTTPS API. */
    wxa?: {
      sec?: {
        order?: {
          uploadShippingInfo(params: Record<string, unknown>): Promise<Record<string, any>>;
          getOrder?(params: Record<string, unknown>): Promise<Record<string, any>>;
        };
      };
    };
  };
}

let loaded: WxServerSdk | null = null;

/** Loads and initialises the SDK once per function instance, in the environment that runs it. */
export function loadWxSdk(): WxServerSdk {
  if (!loaded) {
    const sdk = require('wx-server-sdk') as WxServerSdk;
    sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
    loaded = sdk;
  }
  return loaded;
}
