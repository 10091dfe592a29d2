import { Button, Checkbox, Group } from '@mantine/core';
import { useState } from 'react';

export type CsvDownload = { label: string; file: string; href: (bom: boolean) => string };

/** Download buttons for a report's CSV files, with the option of a byte order mark for spreadsheets. */
export function CsvButtons({ downloads }: { downloads: CsvDownload[] }) {
  const [bom, setBom] = useState(false);
  return (
    <Group gap="xs">
      <Checkbox size="xs" label="BOM for Excel" checked={bom} onChange={(e) => setBom(e.currentTarget.checked)} />
      {downloads.map((d) => (
        <Button key={d.file} size="xs" variant="default" component="a" href={d.href(bom)} download={d.file}>
          {d.label}
        </Button>
      ))}
    </Group>
  );
}
