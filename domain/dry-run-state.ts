// A dry run's world and running state (domain/dry-run.ts replays signals through them): what the bank has
// today, handed in once by api/services/dry-run-world.ts, and what the replay has decided so far.
import type { TeamCandidate } from './assignment';
import type { CustomerProfile } from './customer';
import type { OfferTally } from './dry-run-tally';
import type { CatalogOffer } from './offer';
import type { PinnedPlaybook } from './playbook';
import type { RiskSignalInput } from './risk';
import type { ChurnDriver } from './vocabulary';
import type { WorkingHours } from './working-hours';

export interface DryRunAgent {
  id: string;
  teamId: string;
  skills: string[];
  dailyContactQuota: number;
  // Open cases today, to which the replay adds the cases it assigns.
  openCases: number;
  workingHours: WorkingHours | null;
}

export interface DryRunWorld {
  candidate: PinnedPlaybook;
  // The newest version of every playbook, the candidate in its playbook's place: selection picks among them.
  latest: PinnedPlaybook[];
  // Replay every signal through the candidate, as if each named it (a playbook only named, like demo).
  allSignals: boolean;
  customers: Map<string, CustomerProfile>;
  // Each customer's real contacts before the window that still count against the frequency cap.
  contactsBefore: Map<string, Date[]>;
  teams: TeamCandidate[];
  agents: DryRunAgent[];
  offers: (CatalogOffer & { volumeCap: number | null })[];
  // Rates the rules cannot know, from the bank's recent cases: a contact reaching the customer, an offer accepted.
  rates: { reach: number; acceptance: number };
}

export interface ReplaySignal extends RiskSignalInput {
  customerId: string;
  receivedAt: Date;
}

export interface Decision {
  signalId: string;
  customerId: string;
  outcome:
    | 'opened'
    | 'excluded'
    | 'not_actionable'
    | 'held_out'
    | 'joined'
    | 'cooling_down'
    | 'store_only'
    | 'unknown_customer'
    | 'other_playbook';
  teamId?: string | null;
  agentId?: string | null;
  queued?: boolean;
  offerId?: string | null;
  contactAt?: string;
}

export interface CustomerState {
  open: boolean;
  closed?: { outcome: string; at: Date };
  signals: RiskSignalInput[];
  contacts: Date[];
}

export interface Queued {
  teamId: string;
  customer: CustomerProfile;
  driver: ChurnDriver;
  decision: Decision;
}

export interface ReplayState {
  world: DryRunWorld;
  customers: Map<string, CustomerState>;
  openCases: Map<string, number>;
  contactsToday: Map<string, number>;
  queues: Map<string, Queued[]>;
  offers: Map<string, OfferTally>;
  remaining: Map<string, number | undefined>;
  decisions: Decision[];
  keepDecisions: number;
}

export function startReplay(world: DryRunWorld, keepDecisions = 0): ReplayState {
  const offers = new Map(
    world.offers.map((o) => [
      o.id,
      {
        offerId: o.id,
        cases: 0,
        expectedPresented: 0,
        expectedAccepted: 0,
        expectedCost: 0,
        budget: 0,
        volumeCap: o.volumeCap,
        capHits: 0,
      },
    ]),
  );
  return {
    world,
    customers: new Map(),
    openCases: new Map(world.agents.map((a) => [a.id, a.openCases])),
    contactsToday: new Map(),
    queues: new Map(),
    offers,
    remaining: new Map(world.offers.map((o) => [o.id, o.remaining])),
    decisions: [],
    keepDecisions,
  };
}

export const DAY_MS = 86_400_000;
export const dayOf = (d: Date) => Math.floor(d.getTime() / DAY_MS);
