import type { ProgramItem, SimulationRequest } from "../api.js";
import { useDashboard } from "../context.js";
import { usePage } from "../ui/use-page.js";
import { CostPanel } from "./cost-panel.js";

type Reward = ProgramItem<"rewards">;

/** A new reward's stand-in id: the catalog is proposed whole, and every reward in it needs one. */
const NEW_REWARD_ID = "rw_proposed";

/** The cost panel of a reward's form: the saved catalog with this reward as edited (a point's value may change with it). */
export function RewardCostPanel({ rewardId, body }: { rewardId: string | null; body: object }) {
  const { api } = useDashboard();
  const { data } = usePage(() => api.list("rewards"), []);
  if (!data) return null;
  const edited = { ...body, id: rewardId ?? NEW_REWARD_ID } as Reward;
  const rewards = rewardId === null ? [...data.items, edited] : data.items.map((reward) => (reward.id === rewardId ? edited : reward));
  return <CostPanel proposal={{ rewards } as SimulationRequest} />;
}
