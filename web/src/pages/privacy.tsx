import { Stack } from '@mantine/core';
import { PageHeader } from '../components/page-header.js';
import { DataRequestsSection } from '../components/privacy/data-requests.js';
import { LegalHoldsSection, RetentionSection } from '../components/privacy/legal-holds.js';
import { RequireAbility } from '../components/require-ability.js';

/** Settings → Data rights: people's requests about their data, legal holds and the retention rule. */
export function PrivacyPage() {
  return (
    <RequireAbility ability="manageDataRights">
      <Stack gap="xl">
        <PageHeader
          title="Data rights"
          description="Requests from customers and employees to see or erase what is held about them, each with its legal deadline; legal holds that keep records from erasure; and how long customers' personal data is kept. Every export and erasure is written to the access log."
        />
        <DataRequestsSection />
        <LegalHoldsSection />
        <RetentionSection />
      </Stack>
    </RequireAbility>
  );
}
