import { Button as TaroButton, Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Avatar, Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { User } from '@nutui/icons-react-taro';
import { call, mediaUrl, newIdempotencyKey, toastError, uploadAvatar, type MemberProfile } from '../../api';
import { useRemote } from '../../hooks/useRemote';
import { useSession } from '../../stores/session';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { PrivacyPopup, openPrivacyGuide } from '../../components/PrivacyPopup';
import { requestPrivacyConsent, usePrivacy } from '../../stores/privacy';
import './membership.scss';

const WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * 个人资料: nickname and avatar (WeChat's chooseAvatar + nickname input on weapp, plain inputs on H5),
 * birthday once, phone through getPhoneNumber (a `dev-` code on H5). The server validates everything.
 */
export default function ProfilePage() {
  const openid = useSession((s) => s.openid);
  const remote = useRemote(() => call('member.me', {}), [openid]);
  const [me, setMe] = useState<MemberProfile>();
  const [nickname, setNickname] = useState('');
  const [avatarInput, setAvatarInput] = useState('');
  const [phoneCode, setPhoneCode] = useState('dev-');
  const [busy, setBusy] = useState(false);
  const privacyRefused = usePrivacy((s) => s.refused) !== null;

  useEffect(() => {
    if (!remote.data) return;
    setMe(remote.data);
    setNickname(remote.data.nickname);
  }, [remote.data]);

  async function run<T>(work: () => Promise<T>, done: string): Promise<T | undefined> {
    if (busy) return undefined;
    setBusy(true);
    try {
      const result = await work();
      void Taro.showToast({ title: done, icon: 'success' });
      return result;
    } catch (err) {
      toastError(err);
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  const update = (data: { nickname?: string; avatarUrl?: string; birthday?: string }, done: string) =>
    run(() => call('member.updateProfile', data, { idempotencyKey: newIdempotencyKey() }), done).then(
      (next) => next && setMe(next),
    );

  const saveNickname = () => {
    const value = nickname.trim();
    if (!me || !value || value === me.nickname) return;
    void update({ nickname: value }, '昵称已保存');
  };

  // weapp: chooseAvatar gives a temporary file; H5: a picked file. Upload it (cloud storage, or the
  // gateway when self-hosted) and store the file id it answers.
  const saveAvatar = (filePath: string) => {
    if (!me || !filePath) return;
    void run(async () => {
      const fileId = await uploadAvatar(filePath, me.memberId);
      return call('member.updateProfile', { avatarUrl: fileId }, { idempotencyKey: newIdempotencyKey() });
    }, '头像已更新').then((next) => next && setMe(next));
  };
  const onChooseAvatar = (e: { detail: { avatarUrl: string } }) => saveAvatar(e.detail.avatarUrl);
  const pickAvatar = () =>
    void Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).then(
      (res) => saveAvatar(res.tempFilePaths[0] ?? ''),
      () => undefined,
    );

  const pickBirthday = async (value: string) => {
    const { confirm } = await Taro.showModal({
      title: '确认生日',
      content: `${value}\n生日设置后不可修改`,
      confirmText: '确认',
      cancelText: '再想想',
    });
    if (confirm) void update({ birthday: value }, '生日已设置');
  };

  const bindPhone = (code: string) => {
    if (!code) return;
    void run(() => call('member.bindPhone', { code }, { idempotencyKey: newIdempotencyKey() }), '手机号已绑定').then(
      (bound) => bound && me && setMe({ ...me, phoneMasked: bound.phoneMasked }),
    );
  };

  if (remote.loading && !me) return <PageSkeleton />;
  if (!me)
    return (
      <EmptyState status="network" title="资料加载失败" actionText="重新加载" onAction={() => void remote.reload()} />
    );

  const today = new Date().toISOString().slice(0, 10);
  return (
    <View className="page profile" id="page-profile">
      <PrivacyPopup />
      {privacyRefused && (
        <View className="profile__privacy" id="profile-privacy-refused">
          <Text className="profile__privacy-text">
            你还没有同意《隐私保护指引》，微信不允许小程序使用你的微信头像、昵称和手机号：头像不能更换，昵称需要手动输入，手机号无法绑定。
          </Text>
          <View className="profile__privacy-actions">
            <Button size="small" fill="outline" onClick={openPrivacyGuide}>
              查看指引
            </Button>
            <Button size="small" type="primary" id="profile-privacy-retry" onClick={() => void requestPrivacyConsent()}>
              重新授权
            </Button>
          </View>
        </View>
      )}
      <View className="profile__avatar-box">
        {WEAPP ? (
          <TaroButton className="profile__avatar-btn" openType="chooseAvatar" onChooseAvatar={onChooseAvatar as never}>
            <Avatar size="80" src={mediaUrl(me.avatarUrl)} icon={<User size={36} color="#3F6B57" />} />
          </TaroButton>
        ) : (
          <View id="profile-avatar-pick" onClick={pickAvatar}>
            <Avatar size="80" src={mediaUrl(me.avatarUrl)} icon={<User size={36} color="#3F6B57" />} />
          </View>
        )}
        <Text className="profile__avatar-hint">点击更换头像</Text>
      </View>

      <CellGroup className="profile__group">
        <Cell
          align="center"
          title="昵称"
          extra={
            <View className="profile__inline">
              <Input
                id="profile-nickname"
                className="profile__input"
                type={(WEAPP ? 'nickname' : 'text') as 'text'}
                value={nickname}
                maxlength={20}
                placeholder="1-20 个字"
                onInput={(e) => setNickname(e.detail.value)}
                onBlur={WEAPP ? saveNickname : undefined}
              />
              {!WEAPP && (
                <Button size="small" type="primary" fill="outline" id="profile-nickname-save" onClick={saveNickname}>
                  保存
                </Button>
              )}
            </View>
          }
        />
        {!WEAPP && (
          <Cell
            align="center"
            title="头像链接"
            extra={
              <View className="profile__inline">
                <Input
                  id="profile-avatar"
                  className="profile__input"
                  value={avatarInput}
                  placeholder="https://..."
                  onInput={(e) => setAvatarInput(e.detail.value)}
                />
                <Button
                  size="small"
                  type="primary"
                  fill="outline"
                  onClick={() => avatarInput.trim() && void update({ avatarUrl: avatarInput.trim() }, '头像已更新')}
                >
                  保存
                </Button>
              </View>
            }
          />
        )}
        {me.birthday ? (
          <Cell
            title="生日"
            extra={<Text id="profile-birthday">{me.birthday}</Text>}
            description="生日设置后不可修改"
          />
        ) : (
          <Picker
            mode="date"
            value="1995-01-01"
            start="1900-01-01"
            end={today}
            onChange={(e) => void pickBirthday(e.detail.value as string)}
          >
            <Cell
              className="profile__birthday-cell"
              title="生日"
              extra={
                <Text id="profile-birthday" className="profile__placeholder">
                  请选择（仅可设置一次）
                </Text>
              }
              clickable
              description="生日当月可领取生日礼券"
            />
          </Picker>
        )}
        <Cell
          align="center"
          title="手机号"
          extra={
            me.phoneMasked ? (
              <Text id="profile-phone">{me.phoneMasked}</Text>
            ) : WEAPP ? (
              <TaroButton
                className="profile__phone-btn"
                openType="getPhoneNumber"
                onGetPhoneNumber={((e: { detail: { code?: string } }) => bindPhone(e.detail.code ?? '')) as never}
              >
                微信授权绑定
              </TaroButton>
            ) : (
              <View className="profile__inline">
                <Input
                  id="profile-phone-code"
                  className="profile__input"
                  value={phoneCode}
                  placeholder="dev-xxx"
                  onInput={(e) => setPhoneCode(e.detail.value)}
                />
                <Button
                  size="small"
                  type="primary"
                  fill="outline"
                  id="profile-phone-bind"
                  onClick={() => bindPhone(phoneCode.trim())}
                >
                  绑定
                </Button>
              </View>
            )
          }
        />
      </CellGroup>
      {!WEAPP && <Text className="profile__dev-note">本地演示：手机号用 dev- 开头的任意代码模拟微信授权</Text>}
    </View>
  );
}
