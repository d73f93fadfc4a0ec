import { Image, Text, View } from '@tarojs/components';
import type { ShopAdvisorCode, ShopCodes } from '../../../../cloudfunctions/core/contract';

export function AdvisorRow({ a }: { a: ShopAdvisorCode }) {
  return (
    <View className="m-shop__advisor">
      {a.qrImage ? <Image className="m-shop__advisor-qr" src={a.qrImage} mode="aspectFit" /> : null}
      <View className="m-item__who">
        <Text className="m-item__title">{`${a.name}${a.role === 'manager' ? '（店长）' : ''}`}</Text>
        <Text className="m-item__text">{`导购码 ${a.code}`}</Text>
      </View>
    </View>
  );
}

/** A shop's poster code (s=CODE) to print for the counter, and its advisors' codes (a=CODE). */
export function ShopCodeCard({ s }: { s: ShopCodes['items'][number] }) {
  return (
    <View className="m-item card m-shop m-editor" id={`m-shop-poster-${s.code}`}>
      <Text className="m-item__text">{`门店码 ${s.code} · 新客礼券：${s.welcomeGiftTitle ?? '未设置'}`}</Text>
      {s.qrImage ? (
        <Image className="m-shop__poster" src={s.qrImage} mode="aspectFit" />
      ) : (
        <Text className="m-item__text">二维码生成失败</Text>
      )}
      <Text className="m-section">{`导购（${s.advisors.length}）`}</Text>
      {s.advisors.length === 0 ? (
        <Text className="m-item__text">暂无导购</Text>
      ) : (
        s.advisors.map((a) => <AdvisorRow key={a.openid} a={a} />)
      )}
    </View>
  );
}
