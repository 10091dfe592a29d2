import { Anchor, type AnchorProps } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

/** A link to a forum thread, styled as the app's links. */
export function ThreadLink({ id, children, ...props }: AnchorProps & { id: string; children: ReactNode; htmlId?: string }) {
  const { htmlId, ...rest } = props;
  return (
    <Anchor renderRoot={(p) => <Link {...p} to="/forum/$id" params={{ id }} />} id={htmlId} {...rest}>
      {children}
    </Anchor>
  );
}
