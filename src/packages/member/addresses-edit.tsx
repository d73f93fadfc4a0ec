import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { Address, RegionList } from '../../../cloudfunctions/core/contract';
import { ApiError, call, isTransportError, newIdempotencyKey, toastError } from '../../api';
import { useAddresses } from '../../stores/addresses';
import { PageSkeleton } from '../../components/Skeletons';
import { AddressForm, fieldMessages } from './addresses-form';
import './addresses.scss';

const EMPTY: Address = { name: '', phone: '', province: '', city: '', district: '', detail: '' };
/** Answers that name the field at fault: shown under it, not only in a toast. */
const FIELD_CODES = new Set(['VALIDATION_FAILED', 'ADDRESS_REGION_INVALID']);

/**
 * 新增 / 编辑收货地址. `?id=` edits one; `?select=1` (from checkout) makes the saved address the one
 * checkout ships to. A draft in the store (WeChat's address the server refused, or a refused
 * `chooseAddress`) fills the form and its notice says why the form opened.
 */
export default function AddressEditPage() {
  const { id, select } = useRouter().params;
  const [draft] = useState(() => useAddresses.getState().draft);
  const [value, setValue] = useState<Address>({ ...EMPTY, ...draft?.fields });
  const [isDefault, setIsDefault] = useState(select === '1');
  const [loaded, setLoaded] = useState(!id);
  const [regions, setRegions] = useState<RegionList>();
  const [errors, setErrors] = useState<ReturnType<typeof fieldMessages>>({});
  const [saving, setSaving] = useState(false);
  // One key per attempt: reused after a network error (the save may have landed), renewed on edits.
  const attempt = useRef<{ inputs: string; key: string }>();

  useEffect(() => {
    useAddresses.getState().setDraft(null);
    if (id) void Taro.setNavigationBarTitle({ title: '编辑收货地址' });
    else void Taro.setNavigationBarTitle({ title: '新增收货地址' });
    call('member.address.regions', {}).then(setRegions).catch(toastError);
    if (!id) return;
    call('member.address.list', {})
      .then((book) => {
        const found = book.items.find((a) => a.addressId === id);
        if (!found) {
          void Taro.showToast({ title: '收货地址不存在', icon: 'none' });
          return void Taro.navigateBack();
        }
        const { name, phone, province, city, district, detail } = found;
        setValue({ name, phone, province, city, district, detail });
        setIsDefault(found.isDefault);
        setLoaded(true);
      })
      .catch(toastError);
  }, [id]);

  if (!loaded) return <PageSkeleton />;

  const save = async () => {
    const input = { ...(id ? { addressId: id } : {}), ...value, ...(isDefault ? { isDefault: true } : {}) };
    const inputs = JSON.stringify(input);
    if (attempt.current?.inputs !== inputs) attempt.current = { inputs, key: newIdempotencyKey() };
    setSaving(true);
    try {
      const saved = await call('member.address.save', input, { idempotencyKey: attempt.current.key });
      setErrors({});
      if (select === '1') useAddresses.getState().select(saved.address.addressId);
      void Taro.showToast({ title: '已保存', icon: 'success', duration: 1000 });
      setTimeout(() => void Taro.navigateBack(), 600);
    } catch (err) {
      if (!isTransportError(err)) attempt.current = undefined;
      if (err instanceof ApiError && FIELD_CODES.has(err.code)) setErrors(fieldMessages(err));
      toastError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="page address-edit" id="page-address-edit">
      {draft?.notice && (
        <View className="address-edit__notice" id="address-notice">
          <Text>{draft.notice}</Text>
        </View>
      )}
      <View className="card address-edit__card">
        <AddressForm
          value={value}
          isDefault={isDefault}
          regions={regions}
          errors={errors}
          saving={saving}
          onChange={(v) => {
            // An edited field's old message goes; the others stay until the next save.
            const region = v.province !== value.province || v.city !== value.city || v.district !== value.district;
            setErrors((e) => {
              const next = { ...e };
              for (const k of ['name', 'phone', 'detail'] as const) if (v[k] !== value[k]) delete next[k];
              if (region) delete next.region;
              return next;
            });
            setValue(v);
          }}
          onDefault={setIsDefault}
          onSave={() => void save()}
        />
      </View>
    </View>
  );
}
