import { Text, View } from '@tarojs/components';
import { call } from '../../../../api';
import { useRemote } from '../../../../hooks/useRemote';

interface Props {
  value: string | null;
  onChange: (freightTemplateId: string | null) => void;
}

/** 运费模板: the store's default express rule, or one of the templates of 运费模板 (with its summary). */
export function FreightPicker({ value, onChange }: Props) {
  const templates = useRemote(() => call('manager.listFreightTemplates', {}), []);
  const list = templates.data?.templates ?? [];
  const chosen = list.find((t) => t.id === value);
  return (
    <View className="pe-row" id="pe-freight">
      <Text className="form-row__label">运费模板</Text>
      <View className="pe-chips">
        <Text
          id="pe-freight-default"
          className={`pe-chip${value === null ? ' pe-chip--on' : ''}`}
          onClick={() => onChange(null)}
        >
          店铺默认运费
        </Text>
        {list.map((t) => (
          <Text
            key={t.id}
            id={`pe-freight-${t.id}`}
            className={`pe-chip${value === t.id ? ' pe-chip--on' : ''}`}
            onClick={() => onChange(t.id)}
          >
            {t.name}
          </Text>
        ))}
      </View>
      {chosen && <Text className="pe-hint">{chosen.summary}</Text>}
    </View>
  );
}
