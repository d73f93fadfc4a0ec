import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Popup } from '@nutui/nutui-react-taro';

/**
 * A region's provinces as chips, and a picker of every province: those another region (or the
 * undeliverable list) already holds are shown but cannot be picked, so no province sits in two places.
 */
export function ProvinceChips({
  id,
  title,
  all,
  chosen,
  taken,
  onChange,
}: {
  id: string;
  title: string;
  all: string[];
  chosen: string[];
  taken: ReadonlySet<string>;
  onChange: (provinces: string[]) => void;
}) {
  const [open, setOpen] = useState(false);
  const toggle = (p: string) => onChange(chosen.includes(p) ? chosen.filter((c) => c !== p) : [...chosen, p]);
  return (
    <View className="m-freight__chips" id={id}>
      {chosen.length === 0 && <Text className="m-item__text">未选择省份</Text>}
      {chosen.map((p) => (
        <Text key={p} className="m-freight__chip m-freight__chip--on">
          {p}
        </Text>
      ))}
      <Text className="m-freight__chip m-freight__chip--add" id={`${id}-edit`} onClick={() => setOpen(true)}>
        ＋ 选择省份
      </Text>
      <Popup visible={open} position="bottom" round closeable title={title} onClose={() => setOpen(false)}>
        <View className="m-freight__picker" id={`${id}-picker`}>
          {all.map((p) => {
            const on = chosen.includes(p);
            const off = !on && taken.has(p);
            return (
              <Text
                key={p}
                className={`m-freight__chip${on ? ' m-freight__chip--on' : ''}${off ? ' m-freight__chip--off' : ''}`}
                id={`${id}-p-${all.indexOf(p)}`}
                onClick={() => !off && toggle(p)}
              >
                {p}
              </Text>
            );
          })}
        </View>
        <View className="m-freight__picker-ok">
          <Button block type="primary" id={`${id}-done`} onClick={() => setOpen(false)}>
            完成
          </Button>
        </View>
      </Popup>
    </View>
  );
}
