import Taro from '@tarojs/taro';

/** Reads a persisted value; storage can throw on some devices, so fall back instead of crashing. */
export function readStored<T>(key: string, fallback: T): T {
  try {
    const value = Taro.getStorageSync(key) as T | '' | undefined;
    return value === '' || value === undefined || value === null ? fallback : value;
  } catch {
    return fallback;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // Storage full or unavailable: view state simply is not persisted.
  }
}
