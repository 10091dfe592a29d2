import { type MantineTheme, useMantineTheme } from '@mantine/core';
import type { ComponentPropsWithoutRef, CSSProperties } from 'react';

export type BadgeVariant = 'filled' | 'light' | 'outline';
/** What a badge says and how it looks; shared by Mantine's Badge and the list badge below. */
export type BadgeLook = { color: string; variant: BadgeVariant; label: string };

const looks = new WeakMap<MantineTheme, Map<string, CSSProperties>>();

/** The colours Mantine's Badge takes for this colour and variant, from the theme's own resolver, kept per theme. */
function badgeColours(theme: MantineTheme, color: string, variant: BadgeVariant): CSSProperties {
  let byKey = looks.get(theme);
  if (!byKey) {
    byKey = new Map();
    looks.set(theme, byKey);
  }
  const key = `${color} ${variant}`;
  let style = byKey.get(key);
  if (!style) {
    const c = theme.variantColorResolver({ color, variant, theme });
    style = { '--badge-bg': c.background, '--badge-color': c.color, '--badge-bd': c.border } as CSSProperties;
    byKey.set(key, style);
  }
  return style;
}

type ListBadgeProps = Omit<BadgeLook, 'label'> & ComponentPropsWithoutRef<'span'>;

/**
 * A small badge drawn as one plain element with the look of Mantine's (size xs, same colours): a
 * page of cases shows a few hundred badges, and Mantine's component costs several times more each.
 */
export function ListBadge({ color, variant, className, style, ...rest }: ListBadgeProps) {
  const theme = useMantineTheme();
  const colours = badgeColours(theme, color, variant);
  return (
    <span className={className ? `list-badge ${className}` : 'list-badge'} style={style ? { ...colours, ...style } : colours} {...rest} />
  );
}
