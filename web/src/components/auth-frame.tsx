import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The centred card used by sign-in and invitation pages, outside the signed-in shell. */
export function AuthFrame({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Stack w="100%" maw={400} gap="lg">
        <Group gap={10} justify="center">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <Text fw={700} size="xl">
            Defuse
          </Text>
        </Group>
        <Paper withBorder radius="md" p="xl" shadow="xs">
          <Stack gap="md">
            <Box>
              <Title order={1} size="h3">
                {title}
              </Title>
              {subtitle ? (
                <Text c="dimmed" size="sm" mt={4}>
                  {subtitle}
                </Text>
              ) : null}
            </Box>
            {children}
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}
