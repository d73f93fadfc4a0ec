import { Text, View } from '@tarojs/components';
import type { ChartView } from '../../../../cloudfunctions/core/contract';

/**
 * One dashboard chart drawn with Views (no chart library: works the same on weapp and H5 and
 * adds ~2 KB to the subpackage). Bars are widths relative to the chart's largest value.
 */
export function Chart({ chart }: { chart: ChartView }) {
  const max = Math.max(1, ...chart.rows.map((r) => Math.max(r.value, r.secondary ?? 0)));
  const width = (v: number) => `${Math.max(v > 0 ? 2 : 0, Math.round((v / max) * 100))}%`;
  return (
    <View className={`chart card chart--${chart.kind}`} id={`chart-${chart.code}`}>
      <View className="chart__head">
        <Text className="chart__title">{chart.title}</Text>
        {chart.kind === 'pairs' && (
          <View className="chart__legend">
            <Text className="chart__dot" />
            <Text>{chart.valueLabel}</Text>
            <Text className="chart__dot chart__dot--secondary" />
            <Text>{chart.secondaryLabel}</Text>
          </View>
        )}
      </View>
      {chart.rows.map((r, i) => (
        <View className="chart__row" key={r.label}>
          <Text className="chart__label">{r.label}</Text>
          <View className="chart__bars">
            <View className="chart__track">
              <View className={`chart__bar chart__bar--c${i % 6}`} style={{ width: width(r.value) }} />
            </View>
            {r.secondary !== undefined && (
              <View className="chart__track">
                <View className="chart__bar chart__bar--secondary" style={{ width: width(r.secondary) }} />
              </View>
            )}
          </View>
          <View className="chart__value">
            <Text className="chart__num">
              {r.secondary !== undefined ? `${r.value}/${r.secondary}` : `${r.value}${chart.unit === '%' ? '%' : ''}`}
            </Text>
            {r.hint && <Text className="chart__hint">{r.hint}</Text>}
          </View>
        </View>
      ))}
      {chart.rows.length === 0 && <Text className="chart__note chart__none">暂无数据</Text>}
      {chart.note && <Text className="chart__note">{chart.note}</Text>}
    </View>
  );
}
