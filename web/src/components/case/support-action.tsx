import { Button, Modal } from '@mantine/core';
import { useState } from 'react';
import type { CaseDetail } from '../../api/types.js';
import { useCurrentUser } from '../../app/me-context.js';
import { AskForSupport } from '../../pages/support.js';

/** For an employee named on the case: ask for support after it (their supervisor answers). */
export function SupportAction({ kase }: { kase: CaseDetail }) {
  const me = useCurrentUser();
  const [opened, setOpened] = useState(false);
  if (!me.employeeId || !kase.parties.some((p) => p.employeeId === me.employeeId)) return null;
  return (
    <>
      <Button variant="light" color="grape" size="xs" onClick={() => setOpened(true)}>
        Ask for support for me
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Support after this case">
        <AskForSupport caseRef={kase.ref} />
      </Modal>
    </>
  );
}
