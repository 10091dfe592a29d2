import { Alert, Badge, Button, Code, CopyButton, Group, Modal, MultiSelect, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type FormEvent, useMemo, useState } from 'react';
import { ApiError } from '../api/client.js';
import { useTeams } from '../api/directory.js';
import type { Role, User } from '../api/types.js';
import { useInviteUser, useResendInvitation, useUpdateUser, useUsers } from '../api/users.js';
import { useCurrentUser } from '../app/me-context.js';
import { type DataColumn, DataTable } from '../components/data-table.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { RequireAbility } from '../components/require-ability.js';
import { EmptyState } from '../components/states.js';
import { ROLE_LABEL, ROLES } from '../lib/labels.js';
import { teamOptions } from '../lib/team-options.js';
import { formatDate } from '../lib/time.js';

export function UsersPage() {
  return (
    <RequireAbility ability="manageUsers">
      <UsersAdmin />
    </RequireAbility>
  );
}

/** Admins invite people, set their role and teams, and switch accounts off. */
function UsersAdmin() {
  const me = useCurrentUser();
  const users = useUsers();
  const teams = useTeams();
  const update = useUpdateUser();
  const [inviteOpen, invite] = useDisclosure(false);
  const teamChoices = useMemo(() => teamOptions(teams.data), [teams.data]);

  const columns = userColumns({ myId: me.id, teamOptions: teamChoices, onChange: (id, patch) => update.mutate({ id, ...patch }) });

  return (
    <Stack gap="md">
      <PageHeader
        title="Users"
        description={
          <Text c="dimmed" size="sm">
            Who can sign in to {me.workspace.name}, and what they can do.
          </Text>
        }
        actions={<Button onClick={invite.open}>Invite someone</Button>}
      />
      <FormProblem error={update.error} fields={[]} title="The change was not saved" />
      <QueryState query={users} label="Loading users" rows={5}>
        {(list) => (
          <DataTable
            columns={columns}
            rows={[...list].sort((a, b) => a.name.localeCompare(b.name))}
            rowKey={(u) => u.id}
            empty={<EmptyState title="No users yet" action={<Button onClick={invite.open}>Invite someone</Button>} />}
            verticalSpacing="sm"
            miw={760}
          />
        )}
      </QueryState>
      <InviteModal opened={inviteOpen} onClose={invite.close} teamOptions={teamChoices} />
    </Stack>
  );
}

type UserPatch = { role?: Role; teamIds?: string[]; active?: boolean };
type TeamOption = { value: string; label: string; disabled?: boolean };

/** The users' columns: who they are, then their role, teams and whether they may sign in, each changed in place. */
function userColumns(props: {
  myId: string;
  teamOptions: TeamOption[];
  onChange: (id: string, patch: UserPatch) => void;
}): DataColumn<User>[] {
  const { myId, teamOptions, onChange } = props;
  return [
    { key: 'person', header: 'Person', cell: (u) => <UserIdentity user={u} isMe={u.id === myId} /> },
    {
      key: 'role',
      header: 'Role',
      width: 150,
      cell: (u) => (
        <Select
          aria-label={`Role of ${u.name}`}
          size="xs"
          data={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
          value={u.role}
          onChange={(v) => v && v !== u.role && onChange(u.id, { role: v as Role })}
          allowDeselect={false}
          disabled={u.id === myId}
        />
      ),
    },
    {
      key: 'teams',
      header: 'Teams',
      cell: (u) => (
        <MultiSelect
          aria-label={`Teams of ${u.name}`}
          size="xs"
          data={teamOptions}
          value={u.teamIds ?? []}
          onChange={(v) => onChange(u.id, { teamIds: v })}
          placeholder={(u.teamIds ?? []).length ? undefined : 'No team'}
        />
      ),
    },
    {
      key: 'active',
      header: 'Active',
      width: 110,
      cell: (u) => (
        <Switch
          aria-label={`${u.name} can sign in`}
          checked={u.active !== false}
          onChange={(e) => onChange(u.id, { active: e.currentTarget.checked })}
          disabled={u.id === myId}
        />
      ),
    },
  ];
}

/** A user's name, email and standing (you, invitation pending), with a fresh invitation when one is pending. */
function UserIdentity({ user: u, isMe }: { user: User; isMe: boolean }) {
  return (
    <>
      <Text size="sm" fw={500}>
        {u.name}{' '}
        {isMe ? (
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
    </>
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

function InviteModal({ opened, onClose, teamOptions }: { opened: boolean; onClose: () => void; teamOptions: TeamOption[] }) {
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
