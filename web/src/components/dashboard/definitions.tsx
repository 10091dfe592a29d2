import { Accordion, List, Text } from '@mantine/core';

/** How every figure on the dashboard is counted; the README says the same. */
export function Definitions() {
  return (
    <Accordion variant="contained" radius="md">
      <Accordion.Item value="definitions">
        <Accordion.Control>How each figure is counted</Accordion.Control>
        <Accordion.Panel>
          <List size="sm" spacing={6}>
            <List.Item>
              <b>Which cases.</b> Every figure counts the cases reported in the period (from its first day to the end of its last) that
              match the filters and that you may see — for a supervisor, their teams’ cases and those they are part of. Each figure is
              compared with the period of the same length just before.
            </List.Item>
            <List.Item>
              <b>Days and hours</b> are the workspace’s time zone: a case reported at 23:30 UTC may fall on the next local day.
            </List.Item>
            <List.Item>
              <b>Time to acknowledge / resolve</b> runs from reporting to the first acknowledgement, and to full resolution (the case
              resolved; a reopened case counts only once resolved again), in calendar time — every deadline preset, the regulated ones
              included, counts calendar time. Cases not yet acknowledged or resolved are left out of that figure.
            </List.Item>
            <List.Item>
              <b>Median and 90th percentile</b> are by nearest rank over times counted in fixed buckets (every minute below 64 minutes on
              its own; above, each doubling split in 32): the upper end of the bucket holding the time that at least half (or 90%) of the
              cases met. Exact below an hour; above, never below the true time and at most 3% over it.
            </List.Item>
            <List.Item>
              <b>Breach rate</b> is the share of the period’s cases that missed their acknowledge or their resolve deadline (the workspace’s
              targets by severity, or the case type’s preset). The denominator is every case of the period.
            </List.Item>
            <List.Item>
              <b>Customer satisfaction</b> is the mean of the 1–5 answers to the follow-up after resolution; “share of 4–5” is the part that
              answered 4 or 5; the response rate is answers ÷ follow-ups sent. <b>Felt supported</b> is the same for the employee’s own
              follow-up.
            </List.Item>
            <List.Item>
              <b>Cost</b> is the financial impact recorded on the case (refund, credit, lost sale, damage), summed per currency — currencies
              are never added together.
            </List.Item>
            <List.Item>
              <b>Promises kept on time</b> is kept by their due time ÷ promises closed (kept or broken; cancelled ones are left out).
              “Overdue now” counts open promises past due at this moment.
            </List.Item>
            <List.Item>
              <b>Coach scores</b> are the reply coach’s 0–100 scores of replies logged on the period’s cases, averaged.
            </List.Item>
            <List.Item>
              <b>Repeat customers</b> had two or more of the period’s cases; <b>threats</b> are cases carrying a review, public post, legal
              or media threat.
            </List.Item>
            <List.Item>
              <b>Backlog</b> is the number of cases open (reported and not yet resolved) at the end of each local day.
            </List.Item>
          </List>
          <Text size="xs" c="dimmed" mt="sm">
            Click a bar, or a number in a table view, to open the inbox on exactly those cases: its count equals the bar’s.
          </Text>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
