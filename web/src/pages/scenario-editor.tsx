import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { problemUnder } from '../api/client.js';
import { useReviseScenario, useScenario } from '../api/training.js';
import type { MoodState, Scenario } from '../api/types.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { ForbiddenState } from '../components/states.js';
import { STRATEGY_LABEL } from '../lib/coach-labels.js';
import { CHANNEL_LABEL, CHANNELS } from '../lib/labels.js';
import { MOOD_LABEL } from '../lib/training-labels.js';

type Lines = Scenario['persona']['lines'];
type Rule = Scenario['rubric']['mustSay'][number];

const POOLS: { key: keyof Lines; label: string }[] = [
  { key: 'opening', label: 'Opening lines' },
  { key: 'vent', label: 'Venting: more of the story' },
  { key: 'calm', label: 'Calm' },
  { key: 'frustrated', label: 'Frustrated' },
  { key: 'angry', label: 'Angry' },
  { key: 'hostile', label: 'Hostile' },
  { key: 'abusive', label: 'Abusive (only if they may become abusive)' },
  { key: 'satisfied', label: 'Satisfied: their last line' },
  { key: 'walkAway', label: 'Walking away: their last line' },
];

const toLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function ScenarioEditorPage() {
  const { key } = useParams({ from: '/app/training/scenarios/$key/edit' });
  return <ScenarioEditorLoader scenarioKey={key} />;
}

/** Admins edit the workspace's scenarios; a supervisor edits the drafts they made from a case. The scenario says which. */
function ScenarioEditorLoader({ scenarioKey }: { scenarioKey: string }) {
  const scenario = useScenario(scenarioKey);
  return (
    <QueryState query={scenario} label="Opening the scenario" rows={4}>
      {(s) => (s.builtIn || s.can.edit ? <ScenarioForm key={s.key} scenario={s} /> : <ForbiddenState />)}
    </QueryState>
  );
}

/** Admins adapt a copied scenario: the story, the persona's lines, the rubric and the model replies. Each save is a new version. */
function ScenarioForm({ scenario }: { scenario: Scenario }) {
  const revise = useReviseScenario(scenario.key);
  const [title, setTitle] = useState(scenario.title);
  const [summary, setSummary] = useState(scenario.summary);
  const [brief, setBrief] = useState(scenario.brief);
  const [passMark, setPassMark] = useState<number>(scenario.passMark);
  const [strategy, setStrategy] = useState(scenario.strategy);
  const [channel, setChannel] = useState(scenario.channel);
  const [customerIsRight, setCustomerIsRight] = useState(scenario.customerIsRight);
  const [persona, setPersona] = useState(scenario.persona);
  const [lines, setLines] = useState<Record<string, string>>(
    Object.fromEntries(POOLS.map((p) => [p.key, (scenario.persona.lines[p.key] ?? []).join('\n')])),
  );
  const [mustSay, setMustSay] = useState<Rule[]>(scenario.rubric.mustSay);
  const [neverSay, setNeverSay] = useState<Rule[]>(scenario.rubric.neverSay);
  const [models, setModels] = useState<Record<string, string>>(scenario.models);
  const [saved, setSaved] = useState<number | null>(null);
  const [publish, setPublish] = useState(false);
  const error = revise.error;

  if (scenario.builtIn) {
    return (
      <Stack>
        <PageHeader
          title={scenario.title}
          description="Built-in scenarios stay as they are: copy one from the Training page to adapt it."
        />
        <Anchor component={Link} to="/training">
          ← Training
        </Anchor>
      </Stack>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const nextLines = Object.fromEntries(POOLS.map((p) => [p.key, toLines(lines[p.key] ?? '')])) as Lines;
    if (!persona.mayBecomeAbusive && (nextLines.abusive ?? []).length === 0) delete nextLines.abusive;
    revise.mutate(
      {
        title,
        summary,
        brief,
        passMark,
        strategy,
        channel,
        customerIsRight,
        persona: { ...persona, lines: nextLines },
        rubric: { mustSay, neverSay },
        models,
        ...(scenario.draft && publish ? { publish: true } : {}),
      },
      { onSuccess: (s) => setSaved(s.version) },
    );
  };

  const ruleEditor = (label: string, rules: Rule[], set: (r: Rule[]) => void, path: string) => (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {label}
      </Text>
      {rules.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; their place is their identity while editing
        <Paper key={i} withBorder p="xs" radius="sm" bg="gray.0">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="What"
              value={r.label}
              onChange={(e) => set(rules.map((x, j) => (j === i ? { ...x, label: e.currentTarget.value } : x)))}
              error={problemUnder(error, `rubric.${path}.${i}.label`)}
            />
            <TextInput
              label="Words that count (comma between)"
              value={r.phrases.join(', ')}
              onChange={(e) =>
                set(
                  rules.map((x, j) =>
                    j === i
                      ? {
                          ...x,
                          phrases: e.currentTarget.value
                            .split(',')
                            .map((p) => p.trim())
                            .filter(Boolean),
                        }
                      : x,
                  ),
                )
              }
              error={problemUnder(error, `rubric.${path}.${i}.phrases`)}
            />
            <TextInput
              label="Why"
              value={r.why}
              onChange={(e) => set(rules.map((x, j) => (j === i ? { ...x, why: e.currentTarget.value } : x)))}
              error={problemUnder(error, `rubric.${path}.${i}.why`)}
            />
          </SimpleGrid>
          <Button mt={6} size="xs" variant="subtle" color="red" onClick={() => set(rules.filter((_, j) => j !== i))}>
            Remove
          </Button>
        </Paper>
      ))}
      <Button size="xs" variant="default" w="fit-content" onClick={() => set([...rules, { label: '', phrases: [], why: '' }])}>
        Add a rule
      </Button>
    </Stack>
  );

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/training" size="sm">
        ← Training
      </Anchor>
      <PageHeader
        title={`Edit “${scenario.title}”`}
        description={`${scenario.draft ? 'Draft from a closed case, redacted: make it this customer’s own, then publish. ' : ''}Version ${scenario.version}. Saving makes a new version; sessions keep the version they were played on.`}
      />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="story-title">
            <Title order={2} size="h5" id="story-title" mb="xs">
              The story
            </Title>
            <Stack gap="sm">
              <TextInput
                label="Title"
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                error={problemUnder(error, 'title')}
              />
              <Textarea
                label="Summary"
                autosize
                minRows={2}
                value={summary}
                onChange={(e) => setSummary(e.currentTarget.value)}
                error={problemUnder(error, 'summary')}
              />
              <Textarea
                label="Brief for the trainee"
                autosize
                minRows={3}
                value={brief}
                onChange={(e) => setBrief(e.currentTarget.value)}
                error={problemUnder(error, 'brief')}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NumberInput
                  label="Pass mark"
                  min={0}
                  max={100}
                  value={passMark}
                  onChange={(v) => setPassMark(Number(v))}
                  error={problemUnder(error, 'passMark')}
                />
                <NativeSelect
                  label="Strategy"
                  value={strategy}
                  onChange={(e) => setStrategy(e.currentTarget.value as Scenario['strategy'])}
                  data={Object.entries(STRATEGY_LABEL).map(([value, label]) => ({ value, label }))}
                />
                <NativeSelect
                  label="Channel"
                  value={channel}
                  onChange={(e) => setChannel(e.currentTarget.value as Scenario['channel'])}
                  data={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABEL[c] }))}
                />
              </SimpleGrid>
              <Checkbox
                label="The customer is right"
                checked={customerIsRight}
                onChange={(e) => setCustomerIsRight(e.currentTarget.checked)}
              />
            </Stack>
          </Paper>

          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="persona-title">
            <Title order={2} size="h5" id="persona-title" mb="xs">
              The customer
            </Title>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Name"
                  value={persona.name}
                  onChange={(e) => setPersona({ ...persona, name: e.currentTarget.value })}
                  error={problemUnder(error, 'persona.name')}
                />
                <NativeSelect
                  label="How upset they start"
                  value={persona.startMood}
                  onChange={(e) => setPersona({ ...persona, startMood: e.currentTarget.value as MoodState })}
                  data={Object.entries(MOOD_LABEL).map(([value, label]) => ({ value, label }))}
                  error={problemUnder(error, 'persona.startMood')}
                />
              </SimpleGrid>
              <TextInput
                label="Who they are"
                value={persona.who}
                onChange={(e) => setPersona({ ...persona, who: e.currentTarget.value })}
                error={problemUnder(error, 'persona.who')}
              />
              <Textarea
                label="What happened"
                autosize
                value={persona.whatHappened}
                onChange={(e) => setPersona({ ...persona, whatHappened: e.currentTarget.value })}
                error={problemUnder(error, 'persona.whatHappened')}
              />
              <TextInput
                label="What they want"
                value={persona.wants}
                onChange={(e) => setPersona({ ...persona, wants: e.currentTarget.value })}
                error={problemUnder(error, 'persona.wants')}
              />
              <Checkbox
                label="They may become abusive (then the abuse policy can be the right ending)"
                checked={persona.mayBecomeAbusive}
                onChange={(e) => setPersona({ ...persona, mayBecomeAbusive: e.currentTarget.checked })}
              />
              <Text size="xs" c="dark.5">
                One line per line. Write several for each mood, so two sessions do not sound the same.
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                {POOLS.map((p) => (
                  <Textarea
                    key={p.key}
                    label={p.label}
                    autosize
                    minRows={3}
                    value={lines[p.key] ?? ''}
                    onChange={(e) => setLines({ ...lines, [p.key]: e.currentTarget.value })}
                    error={problemUnder(error, `persona.lines.${p.key}`)}
                  />
                ))}
              </SimpleGrid>
            </Stack>
          </Paper>

          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="rubric-title">
            <Title order={2} size="h5" id="rubric-title" mb="xs">
              Rubric and model replies
            </Title>
            <Stack gap="md">
              {ruleEditor('Must be said', mustSay, setMustSay, 'mustSay')}
              {ruleEditor('Must never be said', neverSay, setNeverSay, 'neverSay')}
              {scenario.rubricSteps.map((step) => (
                <Textarea
                  key={step.key}
                  label={`Model reply for “${step.title}”`}
                  description="Offered as the better line when a reply on this step goes wrong."
                  autosize
                  minRows={2}
                  value={models[step.key] ?? ''}
                  onChange={(e) => setModels({ ...models, [step.key]: e.currentTarget.value })}
                  error={problemUnder(error, `models.${step.key}`)}
                />
              ))}
            </Stack>
          </Paper>
          <FormProblem error={error} fields={[]} title="The scenario was not saved" />
          {saved ? (
            <Text size="sm" c="teal.9" role="status">
              Saved as version {saved}.{scenario.draft ? ' It is still a draft: only you and the admins see it.' : ''}
            </Text>
          ) : null}
          {scenario.draft ? (
            <Checkbox
              label="Publish with this save: everyone can practise it, and it can be assigned"
              checked={publish}
              onChange={(e) => setPublish(e.currentTarget.checked)}
            />
          ) : null}
          <Group>
            <Button type="submit" loading={revise.isPending}>
              {scenario.draft && publish ? 'Save and publish' : 'Save as a new version'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
