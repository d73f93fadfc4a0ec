import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ActionInput, BannerArt, ManagerBanner } from '../../../../cloudfunctions/core/contract';
import { mediaUrl } from '../../../api';
import { parseShanghai, shanghaiTime } from '../../../utils/shanghai-time';
import { FormRow } from '../../../components/FormRow';
import { Chips } from './Chips';
import { EditorActions } from './EditorActions';
import { BannerLinkPicker, type LinkChoice } from './BannerLinkPicker';
import { pickAndUpload } from './product-editor/upload-image';

type SaveInput = ActionInput<'manager.saveBanner'>;

const HUES = [
  { value: '165', label: '青绿' },
  { value: '44', label: '暖金' },
  { value: '350', label: '玫红' },
  { value: '210', label: '湖蓝' },
  { value: '30', label: '杏色' },
];
const SHAPES: Array<{ value: BannerArt['shape']; label: string }> = [
  { value: 'dropper', label: '滴管' },
  { value: 'bottle', label: '瓶' },
  { value: 'jar', label: '霜' },
  { value: 'tube', label: '软管' },
  { value: 'box', label: '礼盒' },
  { value: 'leaf', label: '叶' },
];

interface Props {
  banner: ManagerBanner | null;
  busy: boolean;
  onSave: (input: SaveInput) => void;
  onDelete?: () => void;
}

/** 横幅编辑: title, subtitle, generated art (hue and shape), what it opens, when it shows, on or off. */
export function BannerEditor({ banner, busy, onSave, onDelete }: Props) {
  const [f, setF] = useState({
    title: banner?.title ?? '',
    subtitle: banner?.subtitle ?? '',
    label: banner?.art?.label ?? '',
    startsAt: banner?.startsAt ? shanghaiTime(banner.startsAt) : '',
    endsAt: banner?.endsAt ? shanghaiTime(banner.endsAt) : '',
  });
  const [hue, setHue] = useState(String(banner?.art?.hue ?? 165));
  const [shape, setShape] = useState<BannerArt['shape']>(banner?.art?.shape ?? 'dropper');
  const [active, setActive] = useState(banner?.active ?? true);
  const [link, setLink] = useState<LinkChoice | null>(
    banner?.link ? { link: banner.link, label: banner.linkLabel } : null,
  );
  const set = (k: keyof typeof f) => (v: string) => setF((old) => ({ ...old, [k]: v }));
  const [startsAt, endsAt] = [parseShanghai(f.startsAt), parseShanghai(f.endsAt)];
  const valid = f.title.trim() && link && startsAt !== undefined && endsAt !== undefined;
  // A picture: the one just uploaded, else the banner's own (kept); 使用生成图案 goes back to drawn art.
  const [picture, setPicture] = useState<{ id: string; url: string } | null>(
    banner && !banner.art ? { id: banner.image, url: mediaUrl(banner.image) } : null,
  );
  const upload = async () => {
    const [img] = await pickAndUpload(1, false);
    if (img) setPicture(img);
  };
  const image: SaveInput['image'] = picture
    ? { stored: picture.id }
    : { art: { hue: Number(hue), shape, ...(f.label.trim() ? { label: f.label.trim() } : {}) } };
  const submit = () =>
    valid &&
    onSave({
      ...(banner ? { bannerId: banner.bannerId } : {}),
      title: f.title.trim(),
      subtitle: f.subtitle.trim(),
      image,
      link: link!.link,
      startsAt: startsAt!,
      endsAt: endsAt!,
      active,
    });
  return (
    <View className="ship-form m-editor" id="banner-editor">
      <Text className="m-editor__title">{banner ? '编辑横幅' : '新建横幅'}</Text>
      {picture ? (
        <Image className="m-editor__banner" id="banner-picture" src={picture.url} mode="aspectFill" />
      ) : banner ? (
        <Image className="m-editor__banner" src={mediaUrl(banner.image)} mode="aspectFill" />
      ) : null}
      <View className="m-chips">
        <Text className="m-chips__chip" id="banner-upload" onClick={() => void upload()}>
          上传图片（750×320）
        </Text>
        {picture ? (
          <Text className="m-chips__chip" id="banner-use-art" onClick={() => setPicture(null)}>
            使用生成图案
          </Text>
        ) : null}
      </View>
      <FormRow label="标题" id="banner-title" value={f.title} placeholder="最多 30 字" onChange={set('title')} />
      <FormRow label="副标题" id="banner-subtitle" value={f.subtitle} placeholder="选填" onChange={set('subtitle')} />
      {'art' in image ? (
        <>
          <Text className="m-editor__label">配色</Text>
          <Chips id="banner-hue" options={HUES} value={hue} onChange={setHue} />
          <Text className="m-editor__label">图案</Text>
          <Chips id="banner-shape" options={SHAPES} value={shape} onChange={setShape} />
          <FormRow
            label="图案文字"
            id="banner-label"
            value={f.label}
            placeholder="选填，6 字内"
            onChange={set('label')}
          />
        </>
      ) : null}
      <BannerLinkPicker value={link} onChange={setLink} />
      <FormRow
        label="开始时间"
        id="banner-starts"
        value={f.startsAt}
        placeholder="2026-12-01 10:00，空为立即"
        onChange={set('startsAt')}
      />
      <FormRow label="结束时间" id="banner-ends" value={f.endsAt} placeholder="空为一直展示" onChange={set('endsAt')} />
      {startsAt === undefined || endsAt === undefined ? (
        <Text className="m-form__hint">时间格式：2026-12-01 10:00</Text>
      ) : null}
      <EditorActions
        id="banner"
        noun="横幅"
        active={active}
        onActive={setActive}
        busy={busy}
        valid={Boolean(valid)}
        onSave={submit}
        onDelete={onDelete}
      />
    </View>
  );
}
