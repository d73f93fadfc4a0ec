import Taro from '@tarojs/taro';

/**
 * Where the customer is, to list pickup shops nearest first; null when they refuse (the system
 * dialog, the privacy popup) or the platform has no position. Checkout works the same without it.
 */
export async function currentLocation(): Promise<{ latitude: number; longitude: number } | null> {
  try {
    const r = await Taro.getLocation({ type: 'gcj02' });
    return { latitude: r.latitude, longitude: r.longitude };
  } catch {
    return null;
  }
}
