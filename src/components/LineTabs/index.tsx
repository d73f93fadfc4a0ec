import { Tabs } from '@nutui/nutui-react-taro';

interface Props<V extends string> {
  tabs: ReadonlyArray<{ value: V; title: string }>;
  value: V;
  onChange: (value: V) => void;
  /** The page's sticky-tabs class (its stylesheet hides the empty panes: the list below is the content). */
  className: string;
}

/** The filter tabs over a list page (订单状态, 券状态, 消息状态...): titles only, no pane content. */
export function LineTabs<V extends string>({ tabs, value, onChange, className }: Props<V>) {
  return (
    <Tabs value={value} onChange={(v) => onChange(String(v) as V)} activeType="line" className={className}>
      {tabs.map((t) => (
        <Tabs.TabPane key={t.value} value={t.value} title={t.title} />
      ))}
    </Tabs>
  );
}
