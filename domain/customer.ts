// What the playbook needs to know about a customer: tier, value, time zone, channels and consent.
import type { ContactChannel, Tier } from './vocabulary';

export interface CustomerProfile {
  id: string;
  tier: Tier;
  segment?: string | null;
  lifecycleStage?: string | null;
  assetsUnderManagement: number;
  timeZone: string;
  hasPhone: boolean;
  hasEmail: boolean;
  preferredChannels: ContactChannel[];
  consent: Record<ContactChannel, boolean>;
}
