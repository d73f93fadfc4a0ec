import { describe, expect, it } from 'vitest';
import { REGIONS, regionProblem } from './regions';

describe('region list', () => {
  it('holds the 31 mainland provinces, about 370 cities and about 3,000 districts', () => {
    const provinces = Object.keys(REGIONS);
    const cities = Object.values(REGIONS).flatMap((c) => Object.keys(c));
    const districts = Object.values(REGIONS).flatMap((c) => Object.values(c).flat());
    expect(provinces).toHaveLength(31);
    expect(cities.length).toBeGreaterThan(360);
    expect(districts.length).toBeGreaterThan(2900);
  });

  it('has a municipality as its own single city, as WeChat names it', () => {
    expect(Object.keys(REGIONS['上海市']!)).toEqual(['上海市']);
    expect(REGIONS['重庆市']!['重庆市']).toContain('城口县');
    expect(regionProblem('北京市', '北京市', '朝阳区')).toBeNull();
  });

  it('accepts a real triple and names the first wrong part', () => {
    expect(regionProblem('浙江省', '杭州市', '西湖区')).toBeNull();
    expect(regionProblem('浙江', '杭州市', '西湖区')).toBe('province');
    expect(regionProblem('浙江省', '南京市', '西湖区')).toBe('city');
    expect(regionProblem('浙江省', '杭州市', '朝阳区')).toBe('district');
    expect(regionProblem('浙江省', '杭州市', '')).toBe('district');
  });

  it('takes any district for a county-level city without districts', () => {
    expect(REGIONS['湖北省']!['仙桃市']).toEqual([]);
    expect(regionProblem('湖北省', '仙桃市', '')).toBeNull();
    expect(regionProblem('湖北省', '仙桃市', '沙嘴街道')).toBeNull();
  });

  it('is not fooled by inherited property names', () => {
    expect(regionProblem('constructor', 'x', 'y')).toBe('province');
    expect(regionProblem('浙江省', '__proto__', 'y')).toBe('city');
  });
});
