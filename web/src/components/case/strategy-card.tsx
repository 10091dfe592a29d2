import { Anchor, Badge, Box, Drawer, List, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { usePlaybook, useRecommendation } from '../../api/playbooks.js';
import { MOVE_LABEL, STRATEGY_LABEL, STRATEGY_LINE } from '../../lib/coach-labels.js';
import { QueryState } from '../query-state.js';

/**
 * The recommender's advice for this case: one strategy, why, when another would be better, and the
 * playbook to follow. The two switches are facts only the handler knows; changing one asks again.
 */
export function StrategyCard({ refId, inUse }: { refId: string; inUse: string | null }) {
  const [flags, setFlags] = useState({ policyAtStake: false, abusive: false });
  const rec = useRecommendation(refId, flags);
  const [opened, drawer] = useDisclosure(false);
  const playbook = usePlaybook(opened ? rec.data?.playbookKey : undefined);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="strategy-title" data-testid="strategy-card">
      <Title order={2} size="h4" id="strategy-title">
        {inUse ? 'Approach' : 'Recommended approach'}
      </Title>
      {inUse && rec.data ? (
        <Text size="sm" mt={4} data-testid="strategy-in-use">
          {rec.data.strategy === inUse
            ? `In use: ${STRATEGY_LABEL[inUse as keyof typeof STRATEGY_LABEL] ?? inUse}, as recommended. The playbook is on the Playbook tab.`
            : `In use: ${STRATEGY_LABEL[inUse as keyof typeof STRATEGY_LABEL] ?? inUse}. The case has changed since: the recommender now suggests the approach below.`}
        </Text>
      ) : null}
      <QueryState query={rec} label="Weighing the case" rows={2}>
        {(data) => (
          <Stack gap="sm" mt="xs" aria-busy={rec.isFetching}>
            <div>
              <Badge size="lg" color="indigo" variant="light" data-testid="strategy">
                {STRATEGY_LABEL[data.strategy]}
              </Badge>
              <Text size="sm" mt={4}>
                {STRATEGY_LINE[data.strategy]}
              </Text>
            </div>
            <Box>
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                Why
              </Text>
              <List size="sm" spacing={2}>
                {data.reasons.map((r) => (
                  <List.Item key={r}>{r}</List.Item>
                ))}
              </List>
            </Box>
            {data.alternatives.length ? (
              <Box>
                <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                  Consider instead
                </Text>
                <List size="sm" spacing={2}>
                  {data.alternatives.map((a) => (
                    <List.Item key={a.strategy}>
                      <b>{STRATEGY_LABEL[a.strategy]}</b> {a.whenBetter}
                    </List.Item>
                  ))}
                </List>
              </Box>
            ) : null}
            <Switch
              label="A clear policy is at stake"
              checked={flags.policyAtStake}
              onChange={(e) => setFlags((f) => ({ ...f, policyAtStake: e.currentTarget.checked }))}
            />
            <Switch
              label="The customer was abusive"
              checked={flags.abusive}
              onChange={(e) => setFlags((f) => ({ ...f, abusive: e.currentTarget.checked }))}
            />
            <Anchor component="button" type="button" size="sm" onClick={drawer.open} ta="left">
              Open the playbook →
            </Anchor>
          </Stack>
        )}
      </QueryState>
      <Drawer
        opened={opened}
        onClose={drawer.close}
        position="right"
        size="lg"
        title={playbook.data?.name ?? 'Playbook'}
        closeButtonProps={{ 'aria-label': 'Close the playbook' }}
      >
        <QueryState query={playbook} label="Opening the playbook" rows={4}>
          {(data) => (
            <Stack gap="md">
              <Text size="sm">{data.summary}</Text>
              <Stack gap="md" component="ol" style={{ paddingLeft: 18, margin: 0 }}>
                {data.steps.map((step) => (
                  <li key={step.key}>
                    <Text fw={600}>{step.title}</Text>
                    <Text size="sm" c="dark.5">
                      Goal: {step.goal}
                    </Text>
                    <List size="sm" spacing={2} mt={4}>
                      {step.guidance.map((g) => (
                        <List.Item key={g}>{g}</List.Item>
                      ))}
                    </List>
                    {step.prompts.length ? (
                      <Text size="sm" mt={4} fs="italic">
                        Say: {step.prompts.map((p) => `“${p}”`).join(' · ')}
                      </Text>
                    ) : null}
                    {step.expectedMoves?.length ? (
                      <Text size="xs" c="dimmed" mt={4}>
                        The coach looks for: {step.expectedMoves.map((m) => MOVE_LABEL[m]).join(', ')}
                      </Text>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      Done when: {step.doneWhen}
                    </Text>
                  </li>
                ))}
              </Stack>
              <Text size="xs" c="dimmed">
                Where it comes from: {data.source} · version {data.version}
              </Text>
            </Stack>
          )}
        </QueryState>
      </Drawer>
    </Paper>
  );
}
