import { Stack, Tabs } from '@mantine/core';
import { PageHeader } from '../components/page-header.js';
import { ScenarioLibrary } from '../components/training/scenario-library.js';
import { SessionList } from '../components/training/session-list.js';
import { StrategyQuiz } from '../components/training/strategy-quiz.js';

/** Training: the scenario library to practise with, the practice sessions one may see, and the strategy quiz. */
export function TrainingPage() {
  return (
    <Stack gap="md">
      <PageHeader
        title="Training"
        description="Practise with a simulated customer before the real one is at the counter. The coach scores each reply; the customer reacts to what you say."
      />
      <Tabs defaultValue="scenarios" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="scenarios">Scenarios</Tabs.Tab>
          <Tabs.Tab value="sessions">Practice sessions</Tabs.Tab>
          <Tabs.Tab value="quiz">Strategy quiz</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="scenarios">
          <ScenarioLibrary />
        </Tabs.Panel>
        <Tabs.Panel value="sessions">
          <SessionList />
        </Tabs.Panel>
        <Tabs.Panel value="quiz">
          <StrategyQuiz />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
