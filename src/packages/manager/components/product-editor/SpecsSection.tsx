import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { SpecGroup } from '../../../../../cloudfunctions/core/catalog/domain/sku-matrix';

interface Props {
  groups: SpecGroup[];
  onChange: (groups: SpecGroup[]) => void;
}

/** 规格: up to 3 groups (容量, 规格...), each with its values; the SKU table below follows. */
export function SpecsSection({ groups, onChange }: Props) {
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [newGroup, setNewGroup] = useState('');
  const addValue = (i: number) => {
    const value = (drafts[i] ?? '').trim();
    if (!value || groups[i]!.values.includes(value)) return;
    onChange(groups.map((g, j) => (j === i ? { ...g, values: [...g.values, value] } : g)));
    setDrafts({ ...drafts, [i]: '' });
  };
  const addGroup = () => {
    const name = newGroup.trim();
    if (!name || groups.some((g) => g.name === name) || groups.length >= 3) return;
    onChange([...groups, { name, values: [] }]);
    setNewGroup('');
  };
  return (
    <View className="pe-section card" id="pe-specs">
      <Text className="pe-section__title">规格（最多 3 组）</Text>
      {groups.map((g, i) => (
        <View className="pe-group" key={g.name} id={`pe-group-${i}`}>
          <View className="pe-group__head">
            <Text className="pe-group__name">{g.name}</Text>
            <Text className="pe-link" onClick={() => onChange(groups.filter((_, j) => j !== i))}>
              删除规格
            </Text>
          </View>
          <View className="pe-chips">
            {g.values.map((v) => (
              <Text
                key={v}
                className="pe-chip pe-chip--on"
                onClick={() =>
                  onChange(groups.map((x, j) => (j === i ? { ...x, values: x.values.filter((y) => y !== v) } : x)))
                }
              >
                {`${v} ×`}
              </Text>
            ))}
          </View>
          <View className="form-row">
            <Input
              className="form-row__input"
              id={`pe-group-${i}-value`}
              placeholder={`添加${g.name}，如 30ml`}
              value={drafts[i] ?? ''}
              onChange={(v) => setDrafts({ ...drafts, [i]: v })}
            />
            <Button size="small" id={`pe-group-${i}-add`} onClick={() => addValue(i)}>
              添加
            </Button>
          </View>
        </View>
      ))}
      {groups.length < 3 && (
        <View className="form-row">
          <Input
            className="form-row__input"
            id="pe-new-group"
            placeholder="新规格名，如 容量"
            value={newGroup}
            onChange={setNewGroup}
          />
          <Button size="small" id="pe-add-group" onClick={addGroup}>
            添加规格
          </Button>
        </View>
      )}
    </View>
  );
}
