/** A member's address book (0021_member_addresses.sql). */
export interface MemberAddressTables {
  member_addresses: {
    id: string;
    store_id: string;
    member_id: string;
    name: string;
    phone: string;
    province: string;
    city: string;
    district: string;
    detail: string;
    is_default: boolean;
    created_at: Date;
    updated_at: Date;
  };
}
