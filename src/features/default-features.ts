/** The features, in the order they get a message. Earlier ones take precedence. */
import { consentGate } from './consent.js';
import { floodGuard } from './flood-guard.js';
import { helpMenu } from './help-menu.js';
import { inviteLinking } from './invite-linking.js';
import { dataDeletion } from './data-deletion.js';
import { caseActions } from './report/case-actions.js';
import { phoneCommands } from './phones/phone-commands.js';
import { caseLookup } from './report/case-lookup.js';
import { reportConversation } from './report/report-conversation.js';
import { taskCommands } from './tasks/task-commands.js';
import { taskConversation } from './tasks/task-conversation.js';
import type { Feature } from './turn-context.js';
import { understoodEcho } from './understood-echo.js';

export const defaultFeatures: Feature[] = [
  floodGuard,
  inviteLinking,
  consentGate,
  dataDeletion,
  phoneCommands,
  caseActions,
  // A unit head's progress note may say "đã báo cáo…": their task steps come before the resident's report.
  taskConversation,
  reportConversation,
  caseLookup,
  taskCommands,
  helpMenu,
  understoodEcho,
];
