import { Alert, Button, Checkbox, Code, CopyButton, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.js';
import {
  useCreateWebhook,
  useSaveWebhookSettings,
  useWebhookCatalogue,
  useWebhookSettings,
  useWebhooks,
  type WebhookInput,
  type WebhookWithSecret,
} from '../api/webhooks.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { EmptyState } from '../components/states.js';
import { WebhookCard } from '../components/webhooks/webhook-card.js';

/** Settings → Integrations: webhook subscriptions, their signing secrets and their delivery log. */
export function IntegrationsPage() {
  const hooks = useWebhooks();
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  return (
    <Stack gap="md">
      <PageHeader
        title="Integrations"
        description={
          <Text c="dimmed" size="sm">
            Webhooks tell your other tools what happens to cases. Each delivery is signed as the Standard Webhooks specification says (
            <Code>webhook-id</Code>, <Code>webhook-timestamp</Code>, <Code>webhook-signature</Code>); payloads carry ids and a link, and
            statements or HR data only under a scope you grant. See the README’s “Webhooks” section to verify a signature.
          </Text>
        }
      />
      <PrivateTargetsSetting />
      {secret ? <SecretShownOnce hook={secret} onClose={() => setSecret(null)} /> : null}
      <NewWebhookForm onCreated={setSecret} />
      <QueryState query={hooks} label="Loading webhooks" rows={2}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState title="No webhooks yet">Add one above to send case events to another tool.</EmptyState>
          ) : (
            <Stack gap="sm">
              {items.map((hook) => (
                <WebhookCard key={hook.id} hook={hook} onSecret={setSecret} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function PrivateTargetsSetting() {
  const settings = useWebhookSettings();
  const save = useSaveWebhookSettings();
  return (
    <Paper withBorder radius="md" p="md">
      <QueryState query={settings} label="Loading the setting" rows={1}>
        {(s) => (
          <Switch
            label="Allow private addresses"
            description="Deliver to loopback, private and link-local addresses, for a receiver inside your own network. Cloud metadata addresses stay refused."
            checked={s.allowPrivateTargets}
            disabled={save.isPending}
            onChange={(e) => save.mutate({ allowPrivateTargets: e.currentTarget.checked })}
          />
        )}
      </QueryState>
      <FormProblem error={save.error} title="The setting was not saved" />
    </Paper>
  );
}

/** A new or rotated secret, shown this once. */
function SecretShownOnce({ hook, onClose }: { hook: WebhookWithSecret; onClose: () => void }) {
  return (
    <Alert
      color="teal"
      variant="light"
      title={`Signing secret for ${hook.url}`}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
    >
      <Stack gap="xs">
        <Text size="sm">Copy it into your receiver now — it won’t be shown again.</Text>
        <Group gap="xs" wrap="nowrap">
          <Code style={{ wordBreak: 'break-all' }} data-testid="webhook-secret">
            {hook.secret}
          </Code>
          <CopyButton value={hook.secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="white" onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}

function NewWebhookForm({ onCreated }: { onCreated: (hook: WebhookWithSecret) => void }) {
  const catalogue = useWebhookCatalogue();
  const create = useCreateWebhook();
  const blank: WebhookInput = { url: '', description: '', eventTypes: [], scopes: [] };
  const [input, setInput] = useState<WebhookInput>(blank);
  const error = create.error instanceof ApiError ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { description, ...rest } = input;
    create.mutate(description?.trim() ? { ...rest, description: description.trim() } : rest, {
      onSuccess: (hook) => {
        setInput(blank);
        onCreated(hook);
      },
    });
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Add a webhook">
      <Title order={2} size="h5" mb="sm">
        Add a webhook
      </Title>
      <QueryState query={catalogue} label="Loading event types" rows={2}>
        {(c) => (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <TextInput
                label="Address"
                placeholder="https://helpdesk.example.com/defuse"
                value={input.url}
                onChange={(e) => setInput({ ...input, url: e.currentTarget.value })}
                error={error?.fieldError('url')}
                required
              />
              <TextInput
                label="Description"
                placeholder="e.g. Helpdesk sync"
                value={input.description ?? ''}
                onChange={(e) => setInput({ ...input, description: e.currentTarget.value })}
              />
              <Checkbox.Group
                label="Event types"
                value={input.eventTypes}
                onChange={(v) => setInput({ ...input, eventTypes: v as WebhookInput['eventTypes'] })}
                error={error?.fieldError('eventTypes')}
              >
                <Stack gap={4} mt="xs">
                  {c.eventTypes.map((t) => (
                    <Checkbox key={t.type} value={t.type} label={t.type} description={t.description} />
                  ))}
                </Stack>
              </Checkbox.Group>
              <Checkbox.Group
                label="Scopes"
                description="What payloads may carry beyond ids and links. Grant only what the receiver needs."
                value={input.scopes ?? []}
                onChange={(v) => setInput({ ...input, scopes: v as NonNullable<WebhookInput['scopes']> })}
              >
                <Stack gap={4} mt="xs">
                  {c.scopes.map((s) => (
                    <Checkbox key={s.scope} value={s.scope} label={s.scope} description={s.description} />
                  ))}
                </Stack>
              </Checkbox.Group>
              <Group>
                <Button type="submit" loading={create.isPending} disabled={!input.url.trim() || input.eventTypes.length === 0}>
                  Add webhook
                </Button>
              </Group>
              <FormProblem error={create.error} fields={['url', 'eventTypes']} title="The webhook was not added" />
            </Stack>
          </form>
        )}
      </QueryState>
    </Paper>
  );
}
