import { Button, type ButtonProps } from '@mantine/core';
import { type ComponentPropsWithRef, forwardRef } from 'react';

type BellButtonProps = ButtonProps & ComponentPropsWithRef<'button'> & { unread: number };

/** The header's bell: a button naming how many notifications are unread. */
export const BellButton = forwardRef<HTMLButtonElement, BellButtonProps>(function BellButton({ unread, ...props }, ref) {
  return (
    <Button ref={ref} variant="default" size="xs" aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'} {...props}>
      <BellIcon />
    </Button>
  );
});

/** A bell drawn inline: emoji fonts are missing on many Linux desktops and in headless browsers. */
function BellIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
