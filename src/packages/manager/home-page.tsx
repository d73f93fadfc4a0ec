import { View } from '@tarojs/components';
import { useState } from 'react';
import { LineTabs } from '../../components/LineTabs';
import { PrivacyPopup } from '../../components/PrivacyPopup';
import { withRole } from '../../components/RoleGate';
import { BannerPane } from './components/BannerPane';
import { HomeSectionPane } from './components/HomeSectionPane';
import './manager.scss';
import './home-page.scss';

const TABS = [
  { value: 'banners', title: '横幅' },
  { value: 'sections', title: '版块' },
] as const;

/** 首页装修: the home page's banners (link, schedule, order) and featured sections (products, order). */
function ManagerHomePage() {
  const [tab, setTab] = useState<(typeof TABS)[number]['value']>('banners');
  return (
    <View className="page m-page" id="page-manager-home-page">
      <LineTabs tabs={TABS} value={tab} onChange={setTab} className="m-page__tabs" />
      {tab === 'banners' ? <BannerPane /> : <HomeSectionPane />}
      {/* 上传图片 picks a picture (chooseImage): WeChat asks the privacy consent first. */}
      <PrivacyPopup />
    </View>
  );
}

export default withRole('manager', ManagerHomePage);
