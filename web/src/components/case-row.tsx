import { Link } from '@tanstack/react-router';
import type { Case } from '../api/types.js';
import { CHANNEL_LABEL, CUSTOMER_STATE_LABEL } from '../lib/labels.js';
import { formatDateTime, relativeTime } from '../lib/time.js';
import { CaseListBadges } from './badges.js';
import { ListBadge } from './list-badge.js';

/** Why a case is in the "Needs attention" view, in the words a supervisor would use. */
const ATTENTION_LABEL: Record<NonNullable<Case['attention']>[number], string> = {
  help_requested: 'Help asked for now',
  escalated_promise: 'Promise overdue',
  approval_pending: 'Approval pending',
  asked_for_help: 'Employee asked for help',
  unhappy_customer: 'Unhappy customer',
};

/**
 * One case in a list: a single link, so Tab, Enter and middle-click all behave as people expect.
 * Plain elements styled in global.css rather than Mantine's layout and text components: the inbox
 * draws a page of these at once, and they are most of its first render.
 */
export function CaseRow({ kase, now, selected, teamName }: { kase: Case; now: Date; selected?: boolean; teamName?: string | undefined }) {
  return (
    <Link
      to="/cases/$ref"
      params={{ ref: kase.ref }}
      className="case-row"
      data-selected={selected ? 'true' : undefined}
      data-ref={kase.ref}
    >
      <div className="case-row-body">
        <div className="case-row-main">
          <div className="case-row-heading">
            <span className="case-row-ref">{kase.ref}</span>
            <span className="case-row-title">{kase.title}</span>
          </div>
          <div className="case-row-meta">
            {CHANNEL_LABEL[kase.channel]} · customer {CUSTOMER_STATE_LABEL[kase.customerState].toLowerCase()}
            {teamName ? ` · ${teamName}` : ''} ·{' '}
            <time dateTime={kase.updatedAt} title={formatDateTime(kase.updatedAt)}>
              updated {relativeTime(kase.updatedAt, now)}
            </time>
          </div>
          {kase.tags.length ? (
            <div className="case-row-chips" data-testid="case-tags">
              {kase.tags.map((tag) => (
                <ListBadge key={tag} color="gray" variant="outline">
                  {tag}
                </ListBadge>
              ))}
            </div>
          ) : null}
          {kase.attention?.length ? (
            <div className="case-row-chips" data-testid="attention-reasons">
              {kase.attention.map((reason) => (
                <ListBadge key={reason} color="orange" variant="light">
                  {ATTENTION_LABEL[reason]}
                </ListBadge>
              ))}
            </div>
          ) : null}
        </div>
        <div className="case-row-badges">
          {kase.help && !kase.attention?.includes('help_requested') ? (
            <ListBadge color="orange" variant="filled">
              Help asked
            </ListBadge>
          ) : null}
          <CaseListBadges kase={kase} now={now} />
        </div>
      </div>
    </Link>
  );
}
