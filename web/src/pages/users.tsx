import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type FormEvent, useMemo, useState } from 'react';
import { ApiError } from '../api/client.js';
import { useTeams } from '../api/directory.js';
import type { Role, User } from '../api/types.js';
import { useInviteUser, useResendInvitation, useUpdateUser, useUsers } from '../api/users.js';
import { useCurrentUser } from '../app/me-context.js';
import { FormProblem } from '../components/form-problem.js';
import { RequireRole } from '../components/require-role.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { ROLE_LABEL, ROLES } from '../lib/labels.js';
import { formatDate } from '../lib/time.js';

export function UsersPage() {
  return (
    <RequireRole roles={['admin']}>
      <UsersAdmin />
    </RequireRole>
  );
}

/** Admins invite people, set their role and teams, and switch accounts off. */
function UsersAdmin() {
  const me = useCurrentUser();
  const users = useUsers();
  const teams = useTeams();
  const update = useUpdateUser();
  const [inviteOpen, invite] = useDisclosure(false);
  const teamOptions = useMemo(() => (teams.data ?? []).map((t) => ({ value: t.id, label: t.name })), [teams.data]);
  const sorted = [...(users.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Users
          </Title>
          <Text c="dimmed" size="sm">
            Who can sign in to {me.workspace.name}, and what they can do.
          </Text>
        </div>
        <Button onClick={invite.open}>Invite someone</Button>
      </Group>
      <FormProblem error={update.error} fields={[]} title="The change was not saved" />
      {users.isPending ? (
        <LoadingState rows={5} label="Loading users" />
      ) : users.error ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : sorted.length === 0 ? (
        <EmptyState title="No users yet" action={<Button onClick={invite.open}>Invite someone</Button>} />
      ) : (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Table verticalSpacing="sm" miw={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th w={150}>Role</Table.Th>
                <Table.Th>Teams</Table.Th>
                <Table.Th w={110}>Active</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((u) => (
                <UserRow
                  key={u.id}
                  user={u}
                  isMe={u.id === me.id}
                  teamOptions={teamOptions}
                  onChange={(patch) => update.mutate({ id: u.id, ...patch })}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <InviteModal opened={inviteOpen} onClose={invite.close} teamOptions={teamOptions} />
    </Stack>
  );
}

function UserRow(props: {
  user: User;
  isMe: boolean;
  teamOptions: { value: string; label: string }[];
  onChange: (patch: { role?: Role; teamIds?: string[]; active?: boolean }) => void;
}) {
  const u = props.user;
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {u.name}{' '}
          {props.isMe ? (
            <Badge size="xs" variant="light">
              you
            </Badge>
          ) : null}
          {u.invitePending ? (
            <Badge size="xs" variant="light" color="yellow" ml={4}>
              Invitation not accepted yet
            </Badge>
          ) : null}
        </Text>
        <Text size="xs" c="dimmed">
          {u.email}
          {u.createdAt ? ` · since ${formatDate(u.createdAt)}` : ''}
        </Text>
        {u.invitePending ? <ResendInvitation user={u} /> : null}
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`Role of ${u.name}`}
          size="xs"
          data={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
          value={u.role}
          onChange={(v) => v && v !== u.role && props.onChange({ role: v as Role })}
          allowDeselect={false}
          disabled={props.isMe}
        />
      </Table.Td>
      <Table.Td>
        <MultiSelect
          aria-label={`Teams of ${u.name}`}
          size="xs"
          data={props.teamOptions}
          value={u.teamIds ?? []}
          onChange={(v) => props.onChange({ teamIds: v })}
          placeholder={(u.teamIds ?? []).length ? undefined : 'No team'}
        />
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={`${u.name} can sign in`}
          checked={u.active !== false}
          onChange={(e) => props.onChange({ active: e.currentTarget.checked })}
          disabled={props.isMe}
        />
      </Table.Td>
    </Table.Tr>
  );
}

/** A fresh invitation link for someone who has not accepted yet (the old link stops working). */
function ResendInvitation({ user }: { user: User }) {
  const resend = useResendInvitation();
  if (resend.data) {
    const link = new URL(resend.data.inviteUrl, window.location.origin).toString();
    return (
      <Stack gap={4} mt={4} align="flex-start" role="status">
        <Text size="xs">New link (the previous one no longer works):</Text>
        <Code style={{ overflowWrap: 'anywhere' }}>{link}</Code>
        <CopyButton value={link}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Stack>
    );
  }
  return (
    <Stack gap={2} mt={4} align="flex-start">
      <Button
        size="compact-xs"
        variant="subtle"
        loading={resend.isPending}
        onClick={() => resend.mutate(user.id)}
        aria-label={`Resend invitation to ${user.name}`}
      >
        Resend invitation
      </Button>
      <FormProblem error={resend.error} fields={[]} title="No new invitation was made" />
    </Stack>
  );
}

function InviteModal({
  opened,
  onClose,
  teamOptions,
}: {
  opened: boolean;
  onClose: () => void;
  teamOptions: { value: string; label: string }[];
}) {
  const invite = useInviteUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('employee');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const error = invite.error instanceof ApiError ? invite.error : null;
  const close = () => {
    invite.reset();
    setEmail('');
    setName('');
    setRole('employee');
    setTeamIds([]);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate({ email: email.trim(), name: name.trim(), role, teamIds });
  };
  const link = invite.data ? new URL(invite.data.inviteUrl, window.location.origin).toString() : null;

  return (
    <Modal opened={opened} onClose={close} title="Invite someone" centered>
      {link ? (
        <Stack gap="sm">
          <Alert color="teal" variant="light" title={`${invite.data?.user.name} is invited`}>
            Send them this link. It lets them choose a password and sign in; it works once.
          </Alert>
          <Code block style={{ wordBreak: 'break-all' }}>
            {link}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={link}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? 'Copied' : 'Copy link'}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              label="Name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              error={error?.fieldError('name')}
              data-autofocus
            />
            <TextInput
              label="Email"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              required
              error={error?.fieldError('email')}
            />
            <Select
              label="Role"
              data={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
              value={role}
              onChange={(v) => setRole((v ?? 'employee') as Role)}
              allowDeselect={false}
              error={error?.fieldError('role')}
            />
            <MultiSelect label="Teams" data={teamOptions} value={teamIds} onChange={setTeamIds} error={error?.fieldError('teamIds')} />
            <FormProblem error={invite.error} fields={['name', 'email', 'role', 'teamIds']} title="The invitation was not created" />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={invite.isPending}>
                Create invitation
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
