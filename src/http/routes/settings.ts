import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZAuthorityLimits,
  ZAuthorityLimitsInput,
  ZBusinessHoursList,
  ZDeadlineSettings,
  ZDeadlineSettingsInput,
  ZTeamHours,
  ZTeamHoursInput,
  ZTeamIdParam,
  ZWorkspaceSettings,
  ZWorkspaceSettingsInput,
} from '../../contracts/settings.js';
import { getAuthorityLimits, setAuthorityLimits } from '../../services/authority-limits.js';
import { clearBusinessHours, listBusinessHours, setBusinessHours } from '../../services/business-hours.js';
import { getDeadlineSettings, setDeadlineSettings } from '../../services/deadline-settings.js';
import { getWorkspaceSettings, setWorkspaceSettings } from '../../services/workspace-settings.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['settings'];

/** Workspace settings: defaults, deadlines (presets, per-severity targets, case types), opening hours and authority limits. */
export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/settings/workspace',
    {
      config: can('read', 'settings'),
      schema: { tags, summary: 'The workspace’s currency and time zone', response: { 200: ZWorkspaceSettings, ...errorResponses } },
    },
    async (req) => getWorkspaceSettings(contextOf(req)),
  );

  app.put(
    '/settings/workspace',
    {
      config: can('update', 'settings'),
      schema: {
        tags,
        summary: 'Set the workspace’s currency and/or time zone',
        body: ZWorkspaceSettingsInput,
        response: { 200: ZWorkspaceSettings, ...errorResponses },
      },
    },
    async (req) => setWorkspaceSettings(contextOf(req), req.body),
  );

  app.get(
    '/settings/business-hours',
    {
      config: can('read', 'settings'),
      schema: {
        tags,
        summary: 'Every team’s opening hours and holidays (a team without them counts every minute)',
        response: { 200: ZBusinessHoursList, ...errorResponses },
      },
    },
    async (req) => listBusinessHours(contextOf(req)),
  );

  app.put(
    '/settings/business-hours/:teamId',
    {
      config: can('update', 'settings'),
      schema: {
        tags,
        summary: 'Set a team’s opening hours and holidays: its SLA clocks then count business time (regulated presets excepted)',
        params: ZTeamIdParam,
        body: ZTeamHoursInput,
        response: { 200: ZTeamHours, ...errorResponses },
      },
    },
    async (req) => setBusinessHours(contextOf(req), req.params.teamId, req.body),
  );

  app.delete(
    '/settings/business-hours/:teamId',
    {
      config: can('update', 'settings'),
      schema: {
        tags,
        summary: 'Remove a team’s opening hours: its clocks count every minute again',
        params: ZTeamIdParam,
        response: { 200: ZTeamHours, ...errorResponses },
      },
    },
    async (req) => clearBusinessHours(contextOf(req), req.params.teamId),
  );

  app.get(
    '/settings/deadlines',
    {
      config: can('read', 'settings'),
      schema: {
        tags,
        summary: 'Deadline preset, per-severity targets and case types',
        response: { 200: ZDeadlineSettings, ...errorResponses },
      },
    },
    async (req) => getDeadlineSettings(contextOf(req)),
  );

  app.put(
    '/settings/deadlines',
    {
      config: can('update', 'settings'),
      schema: {
        tags,
        summary: 'Set the deadline preset, per-severity targets and case types',
        body: ZDeadlineSettingsInput,
        response: { 200: ZDeadlineSettings, ...errorResponses },
      },
    },
    async (req) => setDeadlineSettings(contextOf(req), req.body),
  );

  app.get(
    '/settings/authority-limits',
    {
      config: can('read', 'settings'),
      schema: { tags, summary: 'Authority limits per role and per user', response: { 200: ZAuthorityLimits, ...errorResponses } },
    },
    async (req) => getAuthorityLimits(contextOf(req)),
  );

  app.put(
    '/settings/authority-limits',
    {
      config: can('update', 'settings'),
      schema: {
        tags,
        summary: 'Set authority limits per role (null = no limit) and per user (null = the role’s limit)',
        body: ZAuthorityLimitsInput,
        response: { 200: ZAuthorityLimits, ...errorResponses },
      },
    },
    async (req) => setAuthorityLimits(contextOf(req), req.body),
  );
};
