import type { Generated } from 'kysely';

/** Group-buy (0008_groupbuy.sql). */
export interface GroupbuyTables {
  groupbuy_campaigns: {
    id: string;
    store_id: string;
    sku_id: string;
    title: string;
    group_price_fen: number;
    team_size: number;
    window_hours: number;
    per_member_limit: number;
    stock_cap: number;
    seats_sold: Generated<number>;
    allow_virtual: boolean;
    on_full: 'open_new' | 'refund';
    status: Generated<'active' | 'stopped'>;
    starts_at: Date;
    ends_at: Date;
    created_at: Date;
    stopped_at: Date | null;
  };
  groupbuy_teams: {
    id: string;
    store_id: string;
    campaign_id: string;
    leader_id: string;
    status: Generated<'open' | 'succeeded' | 'failed'>;
    size: number;
    joined: number;
    virtual: Generated<boolean>;
    created_at: Date;
    expires_at: Date;
    finished_at: Date | null;
  };
  groupbuy_team_members: {
    team_id: string;
    order_id: string;
    member_id: string;
    seat: number;
    joined_at: Date;
  };
  groupbuy_member_seats: { campaign_id: string; member_id: string; seats: number };
  groupbuy_notifications: {
    order_id: string;
    outcome: 'succeeded' | 'failed';
    result: 'sent' | 'no_quota' | 'refused' | 'no_template';
    errcode: number | null;
    detail: string;
    created_at: Date;
  };
}
