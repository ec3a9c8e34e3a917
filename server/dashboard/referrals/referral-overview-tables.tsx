import type { ReferralSummary } from "../api.js";
import { useDashboard } from "../context.js";
import { SimpleTable } from "../ui/simple-table.js";
import { channelLabel, conversionLabel } from "./referral-words.js";

type Ambassador = ReferralSummary["topAmbassadors"][number];
type Channel = ReferralSummary["channels"][number];

/** The ambassadors who brought the most friends, with their code, friends, paid referrals and link visits. */
export function AmbassadorsTable({ ambassadors }: { ambassadors: Ambassador[] }) {
  const { fmt } = useDashboard();
  return (
    <div class="ql-panel ql-panel--flush">
      <h3 class="ql-panel__title">Top ambassadors</h3>
      <SimpleTable
        caption="Top ambassadors, most friends first"
        testId="top-ambassadors"
        rows={ambassadors}
        rowKey={(ambassador) => ambassador.memberId}
        empty="No ambassador has brought a friend yet."
        columns={[
          {
            label: "Ambassador",
            cell: (ambassador) => (
              <a class="ql-linklike" href={`#/members/${encodeURIComponent(ambassador.memberId)}`}>
                {ambassador.name || ambassador.email || ambassador.code}
              </a>
            ),
          },
          { label: "Code", cell: (ambassador) => <code>{ambassador.code}</code> },
          { label: "Friends", num: true, cell: (ambassador) => fmt.count(ambassador.friendsOrdered) },
          { label: "Paid", num: true, cell: (ambassador) => fmt.count(ambassador.paid) },
          { label: "Clicks", num: true, cell: (ambassador) => fmt.count(ambassador.clicks) },
        ]}
      />
    </div>
  );
}

/** Link visits and friends who ordered per share channel, and the conversion between them. */
export function ChannelsTable({ channels }: { channels: Channel[] }) {
  const { fmt } = useDashboard();
  return (
    <div class="ql-panel ql-panel--flush">
      <h3 class="ql-panel__title">Channels</h3>
      <SimpleTable
        caption="Clicks and conversion per channel"
        testId="referral-channels"
        rows={channels}
        rowKey={(row) => row.channel}
        empty="No link visits yet."
        columns={[
          { label: "Channel", cell: (row) => channelLabel(row.channel) },
          { label: "Clicks", num: true, cell: (row) => fmt.count(row.clicks) },
          { label: "Friends who ordered", num: true, cell: (row) => fmt.count(row.friendsOrdered) },
          { label: "Conversion", num: true, cell: (row) => conversionLabel(row.friendsOrdered, row.clicks) },
        ]}
      />
    </div>
  );
}
