import { create } from 'zustand';
import type { Address } from '../../cloudfunctions/core/contract';

/** What the address form opens with when checkout sends the customer there, and why. */
export interface AddressDraft {
  fields: Partial<Address>;
  /** Shown above the form: why WeChat's address book could not be used. */
  notice: string;
}

interface AddressState {
  /** The address-book entry checkout ships to; null means the member's default. */
  selectedId: string | null;
  draft: AddressDraft | null;
  select: (addressId: string | null) => void;
  setDraft: (draft: AddressDraft | null) => void;
}

/** View state only: the addresses themselves live on the server (`member.address.*`). */
export const useAddresses = create<AddressState>((set) => ({
  selectedId: null,
  draft: null,
  select: (selectedId) => set({ selectedId }),
  setDraft: (draft) => set({ draft }),
}));
